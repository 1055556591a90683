using System.Text.RegularExpressions;

namespace Saltant.Emulator.Tests.Processes;

/// <summary>A user as the standalone emulator printed it.</summary>
internal sealed record PrintedUser(string Username, bool IsSuperuser, string Token, string Password);

/// <summary>
/// The standalone emulator (<c>dotnet Saltant.Emulator.dll</c>) in its own process: started with the
/// given arguments, its URL and users read from what it prints.
/// </summary>
internal sealed partial class StandaloneEmulator : IAsyncDisposable
{
    private StandaloneEmulator(ChildProcess process, Uri apiUrl, IReadOnlyList<PrintedUser> users, IReadOnlyList<string> banner)
    {
        Process = process;
        ApiUrl = apiUrl;
        Users = users;
        Banner = banner;
    }

    /// <summary>The running child.</summary>
    public ChildProcess Process { get; }

    /// <summary>The API root it printed.</summary>
    public Uri ApiUrl { get; }

    /// <summary>The users it printed.</summary>
    public IReadOnlyList<PrintedUser> Users { get; }

    /// <summary>Every line it printed before it was ready.</summary>
    public IReadOnlyList<string> Banner { get; }

    [GeneratedRegex(@"listening on (?<url>\S+)$")]
    private static partial Regex ListeningRe();

    [GeneratedRegex(@"^  (?<name>\S+)(?<super> \(superuser\))?: token (?<token>\S+), password (?<password>.*)$")]
    private static partial Regex UserRe();

    /// <summary>Starts it and waits until it says it is ready.</summary>
    public static async Task<StandaloneEmulator> StartAsync(params string[] args)
    {
        var process = ChildProcess.Start("Saltant.Emulator", args);
        try
        {
            var banner = await process.ReadUntilAsync(line => line.StartsWith("Press Ctrl+C", StringComparison.Ordinal));
            var url = banner.Select(l => ListeningRe().Match(l)).First(m => m.Success).Groups["url"].Value;
            var users = banner.Select(l => UserRe().Match(l)).Where(m => m.Success)
                .Select(m => new PrintedUser(m.Groups["name"].Value, m.Groups["super"].Success, m.Groups["token"].Value, m.Groups["password"].Value))
                .ToList();
            return new StandaloneEmulator(process, new Uri(url), users, banner);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
