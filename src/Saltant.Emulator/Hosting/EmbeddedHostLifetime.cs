using Microsoft.Extensions.Hosting;

namespace Saltant.Emulator.Hosting;

/// <summary>
/// The emulator's host lifetime: none. WebApplication's default, the console lifetime, takes
/// SIGINT, SIGTERM and SIGQUIT for itself and only stops the web host, so a process that embeds an
/// emulator (a test run, an application) would no longer end on Ctrl+C or <c>kill</c>. The emulator
/// is started and stopped by its owner (<see cref="SaltantEmulator.StartAsync"/> and disposal);
/// the standalone program takes the signals itself.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
