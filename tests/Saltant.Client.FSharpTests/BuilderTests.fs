namespace Saltant.Client.FSharpTests

open System
open System.Threading
open System.Threading.Tasks
open Xunit
open LanguageExt.Effects.Traits
open Saltant.Domain
open Saltant.Client
open Saltant.Client.FSharp
open Saltant.Emulator
open Setup

/// A runtime of the caller's own, as a program with more in its environment would have: only a
/// cancellation here, and a name to show it is the one the effects ran in.
[<Struct>]
type TestRuntime =
    val Source: CancellationTokenSource
    val Name: string
    new(source: CancellationTokenSource, name: string) = { Source = source; Name = name }
    /// A runtime cancelled when the token is.
    static member New(token: CancellationToken) = TestRuntime(CancellationTokenSource.CreateLinkedTokenSource token, "test")
    interface HasCancel<TestRuntime> with
        member this.LocalCancel = TestRuntime(CancellationTokenSource.CreateLinkedTokenSource this.Source.Token, this.Name)
        member this.CancellationToken = this.Source.Token
        member this.CancellationTokenSource = this.Source

/// The aff { } builder of Saltant.Client.FSharp against a real emulator: each construct it offers.
type BuilderTests() =
    let mutable emulator: SaltantEmulator = Unchecked.defaultof<_>

    // A hang guard, not a time limit: each test takes well under a second when nothing is wrong.
    let hangGuard () = new CancellationTokenSource(TimeSpan.FromMinutes 5.0)

    let run (ma: SAff<'a>) : Task<LanguageExt.Fin<'a>> =
        task {
            use guard = hangGuard ()
            return! Aff.run guard.Token ma
        }

    let expectSucc (fin: LanguageExt.Fin<'a>) : 'a =
        match fin with
        | Succ value -> value
        | Fail error -> failwithf "expected success, got %s: %s" (error.GetType().Name) error.Message

    interface IAsyncLifetime with
        member _.InitializeAsync() : Task =
            task {
                let! started = SaltantEmulator.StartAsync()
                emulator <- started
            }

        member _.DisposeAsync() : Task = emulator.DisposeAsync().AsTask()

    [<Fact>]
    member _.``do! runs a unit effect and let! binds Fin, Either, Result and the settings' Result``() : Task =
        task {
            use client = SaltantClient.Create(settingsFor emulator "alice")
            let pipeline =
                aff {
                    do! client.TestAuthentication()
                    let! fromFin = LanguageExt.Fin<int>.Succ 1
                    let! fromEither = LanguageExt.Either<ConfigError, int>.Right 2
                    let! fromResult = (Ok 3 : Result<int, NameNotFound>)
                    let! settings = SaltantSettings.Create(emulator.ApiUrl.AbsoluteUri, Authentication.Token "t")
                    let! fromEff = LanguageExt.Prelude.SuccessEff<SaltantRuntime, int>(4)
                    return fromFin + fromEither + fromResult + fromEff, settings.ApiRoot
                }
            let! fin = run pipeline
            let total, root = expectSucc fin
            Assert.Equal(10, total)
            Assert.Equal(emulator.ApiUrl, root)
            Assert.Equal(1, emulator.Requests.Count("GET", "users/"))
        }

    [<Fact>]
    member _.``A failed Fin, Either, Result or settings ends the computation with its error``() : Task =
        task {
            let mutable reached = false
            let after (ma: SAff<int>) = aff { let! value = ma in reached <- true; return value }

            let! fin = run (after (aff { return! (LanguageExt.Fin<int>.Fail(NameNotFound("queue", "q")) : LanguageExt.Fin<int>) }))
            match fin with
            | Fail(:? NameNotFound as missing) -> Assert.Equal("q", missing.Name)
            | other -> failwithf "expected NameNotFound, got %O" other

            let! either = run (after (aff { return! LanguageExt.Either<Cancelled, int>.Left(Cancelled "the read") }))
            Assert.True(either.IsFail)

            let! result = run (after (aff { return! (Error(Cancelled "the write") : Result<int, Cancelled>) }))
            match result with
            | Fail(WasCancelled what) -> Assert.Equal("the write", what)
            | other -> failwithf "expected Cancelled, got %O" other

            let! settings =
                run (aff {
                    let! settings = SaltantSettings.Create("not a url", Authentication.Token " ")
                    reached <- true
                    return settings.PageSize
                })
            match settings with
            | Fail(:? ConfigError as config) ->
                Assert.Equal<string list>([ "ApiRoot"; "Authentication.Key" ], config.Problems |> ofLSeq |> List.map (fun p -> p.Setting))
            | other -> failwithf "expected ConfigError, got %O" other

            Assert.False(reached, "a step after a failure ran")
        }

    [<Fact>]
    member _.``Nothing in an aff runs until it is run, and each run runs it again``() : Task =
        task {
            use client = SaltantClient.Create(settingsFor emulator "alice")
            let mutable started = 0
            let counted =
                aff {
                    started <- started + 1
                    do! client.TestAuthentication()
                    return started
                }
            Assert.Equal(0, started)
            Assert.Equal(0, emulator.Requests.Count("GET", "users/"))
            let! first = run counted
            let! second = run counted
            Assert.Equal(1, expectSucc first)
            Assert.Equal(2, expectSucc second)
            Assert.Equal(2, emulator.Requests.Count("GET", "users/"))
        }

    [<Fact>]
    member _.``An exception inside an aff is its failure, not a throw``() : Task =
        task {
            let boom: SAff<int> = aff { return failwith "boom" }
            let! fin = run boom
            match fin with
            | Fail error -> Assert.Contains("boom", error.Message)
            | Succ value -> failwithf "an exception became a value: %d" value
        }

    [<Fact>]
    member _.``An effect asked to yield null (None, ()) fails saying so``() : Task =
        task {
            let! none = run (aff { return (None: int option) })
            match none with
            | Fail error -> Assert.Contains("voption", error.Message)
            | Succ value -> failwithf "a null value was yielded: %A" value
            let! unitValue = run (aff { let! x = Aff.succeed 1 in return () })
            Assert.True(unitValue.IsFail)
            let! mapped = run (Aff.succeed 1 |> Aff.map (fun _ -> (None: string option)))
            Assert.True(mapped.IsFail)
            // What a computation without return yields instead: LanguageExt's unit.
            let! nothing = run (aff { let! _ = Aff.succeed 1 in () })
            Assert.Equal(LUnit.Default, expectSucc nothing)
        }

    [<Fact>]
    member _.``try/with catches the errors it matches, with the error patterns or type tests``() : Task =
        task {
            use client = SaltantClient.Create(settingsFor emulator "alice")
            let lookup name =
                aff {
                    try
                        let! queue = client.TaskQueues.GetByName name
                        return ValueSome queue.Name
                    with
                    | EffectFailed Missing -> return ValueNone
                }
            let created = aff {
                let! _ = client.TaskQueues.Create(TaskQueueDraft "fs-present")
                let! present = lookup "fs-present"
                let! absent = lookup "fs-absent"
                return present, absent
            }
            let! fin = run created
            Assert.Equal((ValueSome "fs-present", ValueNone), expectSucc fin)

            // An error the handler does not match goes on as the computation's failure, unchanged.
            let duplicate =
                aff {
                    try
                        let! queue = client.TaskQueues.Create(TaskQueueDraft "fs-present")
                        return queue.Name
                    with EffectFailed(:? NotFound) ->
                        return "not found"
                }
            let! fin = run duplicate
            match fin with
            | Fail(Invalid(fields, _)) -> Assert.Contains(fields, fun (field, _) -> field = "name")
            | other -> failwithf "expected ValidationFailed to pass through, got %O" other
        }

    [<Fact>]
    member _.``try/finally cleans up after success and failure alike``() : Task =
        task {
            use client = SaltantClient.Create(settingsFor emulator "alice")
            let mutable cleanups = 0
            let guarded (name: string) =
                aff {
                    try
                        let! queue = client.TaskQueues.GetByName name
                        return queue.Name
                    finally
                        cleanups <- cleanups + 1
                }
            let! _ = run (client.TaskQueues.Create(TaskQueueDraft "fs-guarded"))
            let! found = run (guarded "fs-guarded")
            let! missing = run (guarded "fs-unguarded")
            Assert.Equal("fs-guarded", expectSucc found)
            Assert.True(missing.IsFail)
            Assert.Equal(2, cleanups)
        }

    [<Fact>]
    member _.``for runs an effect per item, in order, and stops at the first failure``() : Task =
        task {
            use client = SaltantClient.Create(settingsFor emulator "alice")
            let names = [ "fs-for-1"; "fs-for-2"; "fs-for-3" ]
            let! made =
                run (aff {
                    for name in names do
                        let! _ = client.TaskWhitelists.Create(TaskWhitelistDraft name)
                        ()
                    let! all = client.TaskWhitelists |> TaskWhitelists.list []
                    return all |> List.map (fun w -> w.Name) |> List.filter (fun n -> n.StartsWith "fs-for-") |> List.sort
                })
            Assert.Equal<string list>(names, expectSucc made)

            let mutable attempted = []
            let! again =
                run (aff {
                    for name in [ "fs-for-4"; "fs-for-1"; "fs-for-5" ] do
                        attempted <- attempted @ [ name ]
                        let! _ = client.TaskWhitelists.Create(TaskWhitelistDraft name)
                        ()
                })
            Assert.True(again.IsFail)
            Assert.Equal<string list>([ "fs-for-4"; "fs-for-1" ], attempted)
        }

    [<Fact>]
    member _.``use! disposes the client when the computation ends, failed or not``() : Task =
        task {
            let mutable client: SaltantClient = Unchecked.defaultof<_>
            let failing =
                aff {
                    use! connected = Client.connect (settingsFor emulator "alice")
                    client <- connected
                    return! connected.TaskQueues.GetByName "fs-nowhere"
                }
            let! fin = run failing
            Assert.True(fin.IsFail)
            // A disposed client's effects fail (its HTTP client is gone) rather than send anything.
            let before = emulator.Requests.Count("GET", "users/")
            let! after = run (client.TestAuthentication())
            Assert.True(after.IsFail, "the client was not disposed")
            Assert.Equal(before, emulator.Requests.Count("GET", "users/"))
        }

    [<Fact>]
    member _.``The builder composes effects of a runtime of the caller's``() : Task =
        task {
            use client = SaltantClient.Create(settingsFor emulator "alice", Func<CancellationToken, TestRuntime>(TestRuntime.New))
            let inRuntime: LanguageExt.Aff<TestRuntime, string * string> =
                aff {
                    let! name = LanguageExt.Prelude.Eff<TestRuntime, string>(fun (rt: TestRuntime) -> rt.Name)
                    let! queue = client.TaskQueues |> TaskQueues.create (TaskQueueDraft "fs-own-runtime")
                    let! found = client.TaskQueues |> TaskQueues.findByName queue.Name
                    return name, (found |> ValueOption.map (fun q -> q.Name) |> ValueOption.defaultValue "none")
                }
            use guard = hangGuard ()
            let! fin = inRuntime |> Aff.runIn (TestRuntime.New guard.Token)
            Assert.Equal(("test", "fs-own-runtime"), expectSucc fin)
        }
