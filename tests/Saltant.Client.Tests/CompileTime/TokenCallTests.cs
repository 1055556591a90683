using Xunit;

namespace Saltant.Client.Tests.CompileTime;

/// <summary>
/// The natural call of a task form with only what is needed and a token, positionally:
/// <c>client.TaskQueues.ListAsync(CancellationToken.None)</c>. The token is the last parameter,
/// after optional ones (filters, options), so without an overload taking the token right after the
/// required arguments such a call does not compile (CS1503: a token is no filter list). Each must
/// compile without a warning.
/// </summary>
public sealed class TokenCallTests
{
    public static TheoryData<string> Calls => new()
    {
        "_ = client.Users.ListAsync(System.Threading.CancellationToken.None);",
        "_ = client.TaskQueues.ListAsync(System.Threading.CancellationToken.None);",
        "_ = client.TaskWhitelists.ListAsync(System.Threading.CancellationToken.None);",
        "_ = client.ContainerTaskTypes.ListAsync(System.Threading.CancellationToken.None);",
        "_ = client.ExecutableTaskTypes.ListAsync(System.Threading.CancellationToken.None);",
        "_ = client.ContainerTaskInstances.ListAsync(System.Threading.CancellationToken.None);",
        "_ = client.ExecutableTaskInstances.ListAsync(System.Threading.CancellationToken.None);",
        "_ = client.Users.ListPageAsync(System.Threading.CancellationToken.None);",
        "_ = client.TaskQueues.ListPageAsync(System.Threading.CancellationToken.None);",
        "_ = client.TaskWhitelists.ListPageAsync(System.Threading.CancellationToken.None);",
        "_ = client.ExecutableTaskTypes.ListPageAsync(System.Threading.CancellationToken.None);",
        "_ = client.ContainerTaskInstances.ListPageAsync(System.Threading.CancellationToken.None);",
        "_ = client.ContainerTaskInstances.WaitAsync(containerInstance, System.Threading.CancellationToken.None);",
        "_ = client.ContainerTaskInstances.WaitAsync(containerInstance.Uuid, System.Threading.CancellationToken.None);",
        "_ = client.ContainerTaskInstances.WaitManyAsync(new[] { containerInstance }, System.Threading.CancellationToken.None);",
        "_ = client.ContainerTaskInstances.WaitManyAsync(new[] { containerInstance.Uuid }, System.Threading.CancellationToken.None);",
        "_ = SaltantClient.ConnectAsync(client.Settings, System.Threading.CancellationToken.None);",
        "_ = SaltantClient.ConnectAsync(Settings.Create(\"https://saltant.example.org/api/\", Authentication.Token(\"abc\")), System.Threading.CancellationToken.None);",
        "_ = SaltantClient.ConnectFromEnvironmentAsync(System.Threading.CancellationToken.None);",
        // The long forms keep compiling beside the short ones, unambiguously.
        "_ = client.TaskQueues.ListAsync(cancellationToken: System.Threading.CancellationToken.None);",
        "_ = client.TaskQueues.ListAsync();",
        "_ = client.ContainerTaskInstances.WaitManyAsync(new[] { containerInstance.Uuid }, cancellationToken: System.Threading.CancellationToken.None);",
        "_ = client.ContainerTaskInstances.WaitAsync(containerInstance);",
        "_ = SaltantClient.ConnectAsync(client.Settings, cancellationToken: System.Threading.CancellationToken.None);",
        "_ = SaltantClient.ConnectAsync(client.Settings);",
        "_ = SaltantClient.ConnectFromEnvironmentAsync();",
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void A_token_alone_after_the_required_arguments_compiles(string call)
    {
        var problems = SnippetCompiler.Problems(call);
        Assert.True(problems.Count == 0, SnippetCompiler.Describe(problems));
    }
}
