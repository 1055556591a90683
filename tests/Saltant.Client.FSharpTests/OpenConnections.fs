namespace Saltant.Client.FSharpTests

open System
open System.Diagnostics.Metrics
open System.Threading

/// How many HTTP connections this process holds open to one port, from System.Net.Http's own
/// `http.client.open_connections` metric. A disposed client leaves none (its pool closes them at
/// once); an undisposed one keeps an idle connection for a minute or more. The metric is
/// process-wide; the port (one emulator's) keeps other tests' connections out.
type OpenConnections(port: int) =
    let listener = new MeterListener()
    let mutable openNow = 0L
    let mutable seen = 0

    do
        listener.InstrumentPublished <-
            fun instrument l ->
                if instrument.Meter.Name = "System.Net.Http" && instrument.Name = "http.client.open_connections" then
                    l.EnableMeasurementEvents instrument
        listener.SetMeasurementEventCallback<int64>(fun _ change tags _ ->
            for tag in tags do
                if tag.Key = "server.port" && Convert.ToInt32(tag.Value, Globalization.CultureInfo.InvariantCulture) = port then
                    Interlocked.Add(&openNow, change) |> ignore
                    if change > 0L then Volatile.Write(&seen, 1))
        listener.Start()

    /// Connections open now (active or idle).
    member _.Count = Interlocked.Read(&openNow)

    /// Whether any connection to the port was seen open: a count of 0 then means closed, not unwatched.
    member _.Seen = Volatile.Read(&seen) = 1

    interface IDisposable with
        member _.Dispose() = listener.Dispose()
