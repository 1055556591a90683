namespace Saltant.Client.FSharpTests

open System
open System.Threading
open System.Threading.Tasks
open Xunit
open Saltant.Domain
open Saltant.Client
open Saltant.Client.FSharp
open Saltant.Emulator
open Saltant.Emulator.Faults
open Saltant.Emulator.Worker
open Setup

/// The active patterns of Saltant.Client.FSharp: LanguageExt's shapes, and each error pattern on
/// the error a real emulator answers with.
type PatternTests() =
    let hangGuard () = new CancellationTokenSource(TimeSpan.FromMinutes 5.0)

    let failureOf (ma: SAff<'a>) : Task<LError> =
        task {
            use guard = hangGuard ()
            match! Aff.run guard.Token ma with
            | Fail error -> return error
            | Succ value -> return failwithf "expected a failure, got %A" value
        }

    /// Settings for a user of the emulator that never retry, so a fault is the answer at once.
    let noRetries (emulator: SaltantEmulator) (token: string) =
        match SaltantSettings.Create(emulator.ApiUrl.AbsoluteUri, Authentication.Token token, maxRetries = 0) with
        | Ok settings -> settings
        | Error problems -> failwithf "%A" problems

    [<Fact>]
    member _.``Succ and Fail, Right and Left, LSome and LNone take LanguageExt's shapes apart``() =
        match LanguageExt.Fin<int>.Succ 7 with
        | Succ 7 -> ()
        | other -> failwithf "%O" other
        match LanguageExt.Fin<int>.Fail(LError.New "no") with
        | Fail error -> Assert.Equal("no", error.Message)
        | Succ _ -> failwith "a Fail matched Succ"
        match LanguageExt.Either<string, int>.Right 1, LanguageExt.Either<string, int>.Left "l" with
        | Right 1, Left "l" -> ()
        | other -> failwithf "%A" other
        match lsome 3, LanguageExt.Option<int>.None with
        | LSome 3, LNone -> ()
        | other -> failwithf "%A" other
        Assert.Equal(Some 3, ofLOption (lsome 3))
        Assert.True((toLOption (None: int option)).IsNone)
        Assert.Equal<int list>([ 1; 2 ], ofLSeq (lseq [ 1; 2 ]))
        Assert.Equal(Ok 5, ofFin (toFin (Ok 5 : Result<int, LError>)))

    [<Fact>]
    member _.``BadSettings lists every problem``() : Task =
        task {
            let! error = failureOf (Client.connect |> fun connect -> aff {
                let! settings = SaltantSettings.Create("ftp://saltant.example.org/api/", Authentication.Token "", pageSize = 0)
                use! client = connect settings
                return client.Settings.PageSize })
            match error with
            | BadSettings problems ->
                Assert.Equal<string list>([ "ApiRoot"; "Authentication.Key"; "PageSize" ], problems |> List.map (fun p -> p.Setting))
            | other -> failwithf "expected BadSettings, got %O" other
        }

    [<Fact>]
    member _.``Denied, Missing, Invalid and Saltant match what the emulator answers``() : Task =
        task {
            use! emulator = SaltantEmulator.StartAsync()
            use stranger = SaltantClient.Create(noRetries emulator "not-a-token")
            match! failureOf (stranger.TestAuthentication()) with
            | Denied detail -> Assert.False(String.IsNullOrWhiteSpace detail)
            | other -> failwithf "expected Denied, got %O" other

            use alice = SaltantClient.Create(settingsFor emulator "alice")
            match! failureOf (alice.TaskQueues.GetByName "fs-nowhere") with
            | Missing -> ()
            | other -> failwithf "expected Missing (NameNotFound), got %O" other
            match! failureOf (alice.TaskQueues.Get(TaskQueueId 424242)) with
            | Missing -> ()
            | other -> failwithf "expected Missing (NotFound), got %O" other

            let twice = aff {
                let! _ = alice.TaskQueues.Create(TaskQueueDraft "fs-twice")
                return! alice.TaskQueues.Create(TaskQueueDraft "fs-twice") }
            match! failureOf twice with
            | Invalid(fields, nonField) & Saltant saltant ->
                Assert.Contains(fields, fun (field, messages) -> field = "name" && not messages.IsEmpty)
                Assert.Empty nonField
                Assert.Equal(ErrorCodes.ValidationFailed, saltant.Code)
            | other -> failwithf "expected Invalid, got %O" other

            Assert.True((match LError.New "plain" with Saltant _ -> false | _ -> true), "a plain error matched Saltant")
        }

    [<Fact>]
    member _.``Transient matches server faults and rate limits, with the wait the server asked for``() : Task =
        task {
            use! emulator = SaltantEmulator.StartAsync()
            use client = SaltantClient.Create(noRetries emulator (emulator.User("alice").Token))

            emulator.Faults.Next(1, Fault.GatewayError 502, "users/") |> ignore
            match! failureOf (client.TestAuthentication()) with
            | Transient None -> ()
            | other -> failwithf "expected Transient without a wait, got %O" other

            emulator.Faults.Next(1, Fault.TooManyRequests(TimeSpan.FromSeconds 7.0), "users/") |> ignore
            match! failureOf (client.TestAuthentication()) with
            | Transient(Some wait) -> Assert.Equal(TimeSpan.FromSeconds 7.0, wait)
            | other -> failwithf "expected Transient with a wait, got %O" other
        }

    [<Fact>]
    member _.``WaitExpired names the instances still pending, WasCancelled says what was cancelled``() : Task =
        task {
            // A manual worker: nothing finishes, so the wait's own limit ends it.
            use! emulator = SaltantEmulator.StartAsync(SaltantEmulatorOptions(WorkerMode = WorkerMode.Manual))
            use client = SaltantClient.Create(settingsFor emulator "alice")
            let stuck = aff {
                let! echo = client.ExecutableTaskTypes |> TaskTypes.create (ExecutableTaskTypeDraft("fs-stuck", "echo"))
                let! whitelist = client.TaskWhitelists |> TaskWhitelists.create (TaskWhitelistDraft("fs-stuck", WhitelistedExecutableTaskTypes = lseq [ echo.Id ]))
                let! queue = client.TaskQueues |> TaskQueues.create (TaskQueueDraft("fs-stuck", Whitelists = lseq [ whitelist.Id ]))
                let! launched = client.ExecutableTaskInstances |> TaskInstances.create (TaskInstanceDraft(echo.Id, queue.Id))
                let limit = WaitOptions.BackingOffTo(TimeSpan.FromMilliseconds 10.0, lsome (TimeSpan.FromMilliseconds 100.0))
                let! _ = client.ExecutableTaskInstances |> TaskInstances.waitMany (Some limit) [ launched.Uuid ]
                return launched.Uuid }
            match! failureOf stuck with
            | WaitExpired pending -> Assert.Equal(1, pending.Length)
            | other -> failwithf "expected WaitExpired, got %O" other

            use cancelled = new CancellationTokenSource()
            cancelled.Cancel()
            match! client.TestAuthentication() |> Aff.run cancelled.Token with
            | Fail(WasCancelled what) -> Assert.False(String.IsNullOrWhiteSpace what)
            | other -> failwithf "expected WasCancelled, got %O" other
        }
