using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Saltant.Client;
using Saltant.Domain;
using Saltant.Emulator;
using Saltant.Http;
using Xunit;

namespace Saltant.DependencyInjection.Tests;

public sealed class LoggingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_client_logs_through_the_containers_logger_factory_and_nothing_logged_holds_a_credential(bool jwt)
    {
        await using var emulator = await SaltantEmulator.StartAsync();
        var alice = emulator.User("alice");
        var logs = new Capturing();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSaltantClient(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Saltant:ApiUrl"] = emulator.ApiUrl.ToString(),
                [jwt ? "Saltant:Username" : "Saltant:AuthToken"] = jwt ? "alice" : alice.Token,
                ["Saltant:Password"] = jwt ? alice.Password : null,
            })
            .Build());
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<SaltantClient>();
        Assert.True((await client.Users.GetAsync(new Username("alice"))).IsSucc);
        Assert.True((await client.TaskQueues.GetAsync(new TaskQueueId(31337))).IsFail);

        var records = logs.Records.ToArray();
        var url = new Uri(emulator.ApiUrl, "users/alice/").AbsoluteUri;
        Assert.Contains(records, r => r.Category == SaltantTelemetry.ConnectionLogCategory && r.EventId.Name == "AttemptAnswered" && r.Message.StartsWith("GET " + url + " answered 200", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Category == SaltantTelemetry.ConnectionLogCategory && r.EventId.Name == "CallFailed" && r.Message.Contains("NotFound", StringComparison.Ordinal));
        if (jwt)
        {
            Assert.Contains(records, r => r.Category == SaltantTelemetry.ConnectionLogCategory && r.Message.StartsWith("POST " + new Uri(emulator.ApiUrl, "token/").AbsoluteUri, StringComparison.Ordinal));
        }

        // Every category at every level, the HTTP client factory's own records included.
        foreach (var text in records.SelectMany(r => r.Texts))
        {
            Assert.DoesNotContain(alice.Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(alice.Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Bearer", text, StringComparison.Ordinal);
        }
    }

    private sealed record Record(string Category, EventId EventId, string Message, string[] Texts);

    private sealed class Capturing : ILoggerProvider
    {
        public ConcurrentQueue<Record> Records { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, Capturing owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                owner.Records.Enqueue(new Record(category, default, "scope", [state.ToString() ?? ""]));
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var message = formatter(state, exception);
                var values = (state as IEnumerable<KeyValuePair<string, object?>> ?? []).Select(kv => $"{kv.Key}={kv.Value}");
                owner.Records.Enqueue(new Record(category, eventId, message, [message, .. values, exception?.ToString() ?? ""]));
            }
        }
    }
}
