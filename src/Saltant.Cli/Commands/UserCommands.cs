using System.CommandLine;
using static LanguageExt.AffExtensions;
using Saltant.Cli.Output;
using Saltant.Domain;

namespace Saltant.Cli.Commands;

/// <summary><c>users</c>: list and get (the API has no writes for users).</summary>
internal static class UserCommands
{
    /// <summary>Builds the command group.</summary>
    /// <param name="factory">The factory.</param>
    public static Command Build(CommandFactory factory) => new("users", "Users: list, get.")
    {
        factory.List<User, User>(Views.User, (client, filters, ct) => client.Users.Stream(filters, ct)),
        factory.Get(Views.User, "username", (invocation, key) => invocation.Call(client => client.Users.Get(new Username(key)))),
    };
}
