using Saltant.Emulator;

// `embedded`: what issue 12 reproduced, an emulator started in-process and then waiting forever.
// `plain`: the same program without the emulator, whose ending on a signal is the runtime's default
// behaviour that `embedded` must match.
if (args is not ["embedded" or "plain"])
{
    Console.Error.WriteLine("usage: Saltant.Emulator.EmbeddingHost embedded|plain");
    return 2;
}

if (args[0] == "embedded")
{
    var emulator = await SaltantEmulator.StartAsync(new SaltantEmulatorOptions());
    Console.WriteLine($"emulator at {emulator.ApiUrl}");
}
Console.WriteLine("ready");
Console.Out.Flush();
await Task.Delay(Timeout.Infinite);
return 0;
