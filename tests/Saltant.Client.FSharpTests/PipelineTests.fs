namespace Saltant.Client.FSharpTests

open System
open System.Threading
open System.Threading.Tasks
open Xunit
open Saltant.Domain
open Saltant.Client
open Saltant.Client.FSharp
open Saltant.Emulator
open Saltant.Emulator.Worker

/// Settings and drafts, built the F# way.
module Setup =
    /// Token settings for one of the emulator's users, polling fast so waits end quickly.
    let settingsFor (emulator: SaltantEmulator) (username: string) : Settings =
        match
            SaltantSettings.Create(
                emulator.ApiUrl.AbsoluteUri,
                Authentication.Token(emulator.User(username).Token),
                waitRefreshPeriod = TimeSpan.FromMilliseconds 50.0)
        with
        | Ok settings -> settings
        | Error problems -> failwithf "the settings were refused: %A" problems

    /// Waits back off from 50 ms; they end in well under a second, seconds on a loaded machine, and
    /// give up only after 5 minutes, a hang guard, so a stuck run fails instead of hanging.
    let quickWait = WaitOptions.BackingOffTo(TimeSpan.FromMilliseconds 50.0, lsome (TimeSpan.FromMinutes 5.0))

open Setup

/// What the pipeline produced, for the assertions.
type PipelineOutcome =
    { EchoType: ExecutableTaskType
      Queue: TaskQueue
      Whitelist: TaskWhitelist
      Finished: ExecutableTaskInstance list }

/// A whole saltant pipeline driven from F# against an in-process emulator with an automatic worker.
type PipelineTests() =
    let mutable emulator: SaltantEmulator = Unchecked.defaultof<_>

    /// A hang guard, not a time limit: a test here takes a second or so, seconds on a loaded machine;
    /// after 5 minutes it is taken to be hung and cancelled (the failure is then a Cancelled error).
    let hangGuard () = new CancellationTokenSource(TimeSpan.FromMinutes 5.0)

    /// Says so when a failure is the hang guard's cancellation.
    let hangGuardNote (guard: CancellationTokenSource) =
        if guard.IsCancellationRequested then " (Hang guard: still running after 5 min, taken to be hung and cancelled)" else ""

    interface IAsyncLifetime with
        member _.InitializeAsync() : Task =
            task {
                let! started =
                    SaltantEmulator.StartAsync(
                        SaltantEmulatorOptions(WorkerMode = WorkerMode.Automatic, WorkerPollInterval = TimeSpan.FromMilliseconds 5.0))
                emulator <- started
            }

        member _.DisposeAsync() : Task = emulator.DisposeAsync().AsTask()

    [<Fact>]
    member _.``A whitelist, a queue, task types and launched instances run to their final states``() : Task =
        task {
            use cts = hangGuard ()
            use client = SaltantClient.Create(settingsFor emulator "alice")

            // One composed effect: nothing is sent until it runs.
            let pipeline: SAff<PipelineOutcome> =
                aff {
                    // Two executable task types, created one after the other: one needs "message" and
                    // defaults "times", the other runs `false` and so always fails.
                    let! types =
                        Aff.sequence
                            [ client.ExecutableTaskTypes.Create(
                                  ExecutableTaskTypeDraft(
                                      "fs-echo",
                                      "echo",
                                      Description = "prints a message",
                                      RequiredArguments = lseq [ "message"; "times" ],
                                      RequiredArgumentsDefaultValues = jsonObject [ "times", Json.Of 3L ]))
                              client.ExecutableTaskTypes.Create(ExecutableTaskTypeDraft("fs-false", "false")) ]
                    let echo, broken = types.[0], types.[1]

                    // A whitelist, a queue that uses it, then the types whitelisted by a PATCH.
                    let! whitelist = client.TaskWhitelists.Create(TaskWhitelistDraft("fs-whitelist"))
                    let! queue =
                        client.TaskQueues.Create(TaskQueueDraft("fs-queue", Whitelists = lseq [ whitelist.Id ]))
                    let! whitelist =
                        client.TaskWhitelists.Patch(
                            whitelist.Id,
                            TaskWhitelistPatch(WhitelistedExecutableTaskTypes = lsome (lseq [ echo.Id; broken.Id ])))

                    // Three launches in one bounded-concurrency batch.
                    let launch (taskType: ExecutableTaskType) name (arguments: (string * Json) list) =
                        TaskInstanceDraft(taskType.Id, queue.Id, Name = lsome name, Arguments = jsonObject arguments)
                    let! launched =
                        client.ExecutableTaskInstances.CreateMany(
                            [ launch echo "defaulted" [ "message", Json.Of "hello" ]
                              launch echo "explicit" [ "message", Json.Of "bye"; "times", Json.Of 1L ]
                              launch broken "doomed" [] ])
                        |> Aff.allSucceeded

                    let! finished =
                        client.ExecutableTaskInstances.WaitMany(launched |> List.map (fun i -> i.Uuid), lsome quickWait)

                    return
                        { EchoType = echo
                          Queue = queue
                          Whitelist = whitelist
                          Finished = ofLSeq finished }
                }

            match! pipeline |> Aff.run cts.Token with
            | Fail error -> failwithf "the pipeline failed%s: %s" (hangGuardNote cts) error.Message
            | Succ outcome ->
                Assert.Equal<LSeq<TaskWhitelistId>>(lseq [ outcome.Whitelist.Id ], outcome.Queue.Whitelists)
                Assert.Equal(2, outcome.Whitelist.WhitelistedExecutableTaskTypes.Count)
                Assert.Equal<LSeq<string>>(lseq [ "message"; "times" ], outcome.EchoType.RequiredArguments)

                let byName = outcome.Finished |> List.map (fun i -> i.Name, i) |> Map.ofList
                Assert.Equal<string list>([ "defaulted"; "doomed"; "explicit" ], byName |> Map.toList |> List.map fst)

                for instance in outcome.Finished do
                    Assert.True(instance.State.IsFinished, $"{instance.Name} is {instance.State}")
                    Assert.True(instance.DatetimeFinished.HasValue, $"{instance.Name} has no finish time")
                    Assert.Equal(outcome.Queue.Id, instance.TaskQueue)

                match byName.["defaulted"].State, byName.["explicit"].State, byName.["doomed"].State with
                | :? TaskState.Successful, :? TaskState.Successful, :? TaskState.Failed -> ()
                | a, b, c -> failwithf "unexpected final states: defaulted %O, explicit %O, doomed %O" a b c

                // The server filled in the type's default where the launch left it out.
                let argument name (instance: ExecutableTaskInstance) = instance.Arguments.Find name
                Assert.Equal<LOption<Json>>(lsome (Json.Of 3L), byName.["defaulted"] |> argument "times")
                Assert.Equal<LOption<Json>>(lsome (Json.Of "hello"), byName.["defaulted"] |> argument "message")
                Assert.Equal<LOption<Json>>(lsome (Json.Of 1L), byName.["explicit"] |> argument "times")
                Assert.Equal(0, byName.["doomed"].Arguments.Count)
        }

    [<Fact>]
    member _.``A missing queue is a NameNotFound error``() : Task =
        task {
            use cts = hangGuard ()
            use client = SaltantClient.Create(settingsFor emulator "alice")

            // The Task form, as a C# caller would use it, matched as a Fin.
            match! client.TaskQueues.GetByNameAsync("no-such-queue", cts.Token) with
            | Fail(:? NameNotFound as missing) ->
                Assert.Equal("no-such-queue", missing.Name)
                Assert.Equal("task queue", missing.Resource)
            | Fail other -> failwithf "expected NameNotFound, got %s: %s" (other.GetType().Name) other.Message
            | Succ queue -> failwithf "found a queue that should not exist: %O" queue

            // FindByName says the same thing without failing.
            match! client.TaskQueues.FindByName("no-such-queue").RunAsync(cts.Token) with
            | Succ found -> Assert.True(found.IsNone)
            | Fail error -> failwithf "the lookup failed: %s" error.Message
        }

    [<Fact>]
    member _.``Rejected input comes back as ValidationFailed with the server's messages``() : Task =
        task {
            use cts = hangGuard ()
            use client = SaltantClient.Create(settingsFor emulator "bob")

            // Failures inside the pipeline are turned into F# Results with Aff.attempt, so the
            // pipeline itself succeeds and reports both.
            let pipeline =
                aff {
                    let! needsMessage =
                        client.ExecutableTaskTypes.Create(
                            ExecutableTaskTypeDraft("fs-needs-message", "echo", RequiredArguments = lseq [ "message" ]))
                    let! whitelist =
                        client.TaskWhitelists.Create(
                            TaskWhitelistDraft("fs-strict", WhitelistedExecutableTaskTypes = lseq [ needsMessage.Id ]))
                    let! queue = client.TaskQueues.Create(TaskQueueDraft("fs-strict-queue", Whitelists = lseq [ whitelist.Id ]))
                    let! launch =
                        client.ExecutableTaskInstances.Create(TaskInstanceDraft(needsMessage.Id, queue.Id)) |> Aff.attempt
                    let! duplicate = client.TaskQueues.Create(TaskQueueDraft("fs-strict-queue")) |> Aff.attempt
                    return launch, duplicate
                }

            match! pipeline |> Aff.run cts.Token with
            | Fail error -> failwithf "the set-up failed%s: %s" (hangGuardNote cts) error.Message
            | Succ(launch, duplicate) ->
                match launch with
                | Error(:? ValidationFailed as invalid) ->
                    let everything =
                        ofLSeq invalid.NonFieldErrors
                        @ (ofLSeq invalid.FieldErrors |> List.collect (fun f -> ofLSeq f.Messages))
                    Assert.Contains(everything, fun message -> message.Contains("message"))
                | Error other -> failwithf "expected ValidationFailed for the launch, got %s: %s" (other.GetType().Name) other.Message
                | Ok instance -> failwithf "an instance without its required argument was launched: %O" instance.Uuid

                match duplicate with
                | Error(:? ValidationFailed as invalid) ->
                    let fields = ofLSeq invalid.FieldErrors |> List.map (fun f -> f.Field, ofLSeq f.Messages)
                    match fields with
                    | [ "name", [ message ] ] -> Assert.Contains("already exists", message)
                    | other -> failwithf "expected one message about the name, got %A" other
                | Error other -> failwithf "expected ValidationFailed for the duplicate, got %s: %s" (other.GetType().Name) other.Message
                | Ok queue -> failwithf "a second queue with the same name was created: %O" queue.Id
        }
