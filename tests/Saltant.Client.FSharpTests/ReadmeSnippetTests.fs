namespace Saltant.Client.FSharpTests

open System
open System.Threading
open System.Threading.Tasks
open Xunit
open Saltant.Domain
open Saltant.Client.FSharp
open Saltant.Emulator

/// The README's F# block, run against the emulator. ReadmeSnippets is generated from README.md
/// before every compile (build/MarkdownSnippets.targets), so what runs here is what the README shows.
type ReadmeSnippetTests() =
    // A hang guard only: every run here takes well under a second when nothing is wrong.
    let hangGuard () = new CancellationTokenSource(TimeSpan.FromMinutes 2.0)

    let alicesToken (emulator: SaltantEmulator) = emulator.User("alice").Token

    /// Polls until the condition holds (a pool closes its connections in the background), failing after 5 s.
    let eventually (condition: unit -> bool) (what: string) : Task<unit> =
        task {
            let until = DateTime.UtcNow + TimeSpan.FromSeconds 5.0
            while not (condition ()) do
                if DateTime.UtcNow > until then failwithf "timed out waiting for %s" what
                do! Task.Delay 5
        }

    [<Fact>]
    member _.``The README pipeline echoes a message, waits for it and disposes its client``() : Task =
        task {
            use! emulator = SaltantEmulator.StartAsync()
            use connections = new OpenConnections(emulator.ApiUrl.Port)
            use guard = hangGuard ()

            match! ReadmeSnippets.pipeline emulator.ApiUrl.AbsoluteUri (alicesToken emulator) guard.Token with
            | Fail error -> failwithf "the README pipeline failed: %s" error.Message
            | Succ instances ->
                let instance = Assert.Single instances
                Assert.Equal(TaskState.SuccessfulState, instance.State)
                Assert.Equal<Json.JObject>(jsonObject [ "message", Json.Of "hi"; "times", Json.Of 3L ], instance.Arguments)

            Assert.Equal(1, emulator.Requests.Count("POST", "executabletaskinstances/"))
            Assert.True(connections.Seen, "the pipeline's connections were not seen")
            do! eventually (fun () -> connections.Count = 0L) "the pipeline's client to close its connections"
        }

    [<Fact>]
    member _.``A README pipeline that fails midway returns the error and still disposes its client``() : Task =
        task {
            use! emulator = SaltantEmulator.StartAsync()
            use guard = hangGuard ()
            let! first = ReadmeSnippets.pipeline emulator.ApiUrl.AbsoluteUri (alicesToken emulator) guard.Token
            Assert.True(first.IsSucc, $"the first run failed: {first}")
            use connections = new OpenConnections(emulator.ApiUrl.Port)

            // The task type "echo" exists now, so the second run's first create is refused.
            match! ReadmeSnippets.pipeline emulator.ApiUrl.AbsoluteUri (alicesToken emulator) guard.Token with
            | Fail(:? ValidationFailed as refused) ->
                Assert.Contains(refused.FieldErrors, fun field -> field.Field = "name")
            | Fail other -> failwithf "expected ValidationFailed, got %s: %s" (other.GetType().Name) other.Message
            | Succ instances -> failwithf "a second type of the same name was accepted: %A" instances

            Assert.Equal(1, emulator.Requests.Count("POST", "executabletaskinstances/"))
            Assert.True(connections.Seen, "the second run's connections were not seen")
            do! eventually (fun () -> connections.Count = 0L) "the failed pipeline's client to close its connections"
        }

    [<Fact>]
    member _.``Bad settings are the README pipeline's failure, not an exception``() : Task =
        task {
            use guard = hangGuard ()

            match! ReadmeSnippets.pipeline "saltant.example.org/api/" "  " guard.Token with
            | Fail(:? ConfigError as config) ->
                Assert.Equal<string list>([ "ApiRoot"; "Authentication.Key" ], config.Problems |> ofLSeq |> List.map (fun p -> p.Setting))
            | Fail other -> failwithf "expected ConfigError, got %s: %s" (other.GetType().Name) other.Message
            | Succ instances -> failwithf "bad settings ran the pipeline: %A" instances
        }
