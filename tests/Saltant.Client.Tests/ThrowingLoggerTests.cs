using LanguageExt;
using LanguageExt.Common;
using Microsoft.Extensions.Logging;
using Saltant.Domain;
using Xunit;
using static Saltant.Client.Tests.Check;

namespace Saltant.Client.Tests;

/// <summary>
/// A logging provider that throws (a bug in someone else's code) makes the call fail; it never
/// throws out of an operation, and a stream still ends with a failure item.
/// </summary>
public sealed class ThrowingLoggerTests
{
    [Fact]
    public async Task A_throwing_logger_fails_calls_and_streams_without_throwing()
    {
        await using var h = await Harness.StartAsync();
        var (type, queue) = await h.ExecutableSetupAsync();
        Ok(await h.Client.ExecutableTaskInstances.CreateManyAsync(Enumerable.Range(0, 5).Select(_ => TaskInstanceDraft.For(type.Id, queue.Id))));
        using var factory = new ThrowingLoggerFactory();
        var client = h.NewClient(Harness.SettingsFor(h.Emu), loggerFactory: factory);

        var get = await client.ExecutableTaskTypes.GetAsync(type.Id);
        Assert.True(get.IsFail);
        Assert.Contains(ThrowingLogger.Message, get.Match(_ => "", e => e.Message), StringComparison.Ordinal);

        var list = await client.ExecutableTaskInstances.ListAsync();
        Assert.True(list.IsFail);

        var streamed = new List<Fin<ExecutableTaskInstance>>();
        await foreach (var item in client.ExecutableTaskInstances.Stream())
        {
            streamed.Add(item);
        }

        var last = Assert.Single(streamed);
        Assert.Contains(ThrowingLogger.Message, last.Match(_ => "", e => e.Message), StringComparison.Ordinal);
        Assert.True(factory.Calls > 0);
    }

    private sealed class ThrowingLoggerFactory : ILoggerFactory
    {
        private readonly ThrowingLogger logger = new();

        public int Calls => logger.Calls;

        public ILogger CreateLogger(string categoryName) => logger;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }

    private sealed class ThrowingLogger : ILogger
    {
        public const string Message = "the logging provider broke";

        private int calls;

        public int Calls => calls;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Interlocked.Increment(ref calls);
            throw new InvalidOperationException(Message);
        }
    }
}
