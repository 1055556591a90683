namespace Saltant.Client.FSharpTests

open System
open System.Threading
open System.Threading.Tasks
open Xunit
open Saltant.Domain
open Saltant.Client
open Saltant.Client.FSharp
open Saltant.Emulator
open Setup

/// The operation modules: F# lists, options and Results at the edges, run as Fin, Task<Result> or Async<Result>.
type OperationsTests() =
    let hangGuard () = new CancellationTokenSource(TimeSpan.FromMinutes 5.0)

    [<Fact>]
    member _.``Lookups give options, lists give lists, batches give a Result per item``() : Task =
        task {
            use! emulator = SaltantEmulator.StartAsync()
            use client = SaltantClient.Create(settingsFor emulator "alice")
            use guard = hangGuard ()
            let pipeline =
                aff {
                    // A batch's items go side by side, so the duplicate is of a queue made before it.
                    let! a = client.TaskQueues |> TaskQueues.create (TaskQueueDraft "fs-a")
                    let! made = client.TaskQueues |> TaskQueues.createMany [ TaskQueueDraft "fs-b"; TaskQueueDraft "fs-a" ]
                    let! found = client.TaskQueues |> TaskQueues.findByName "fs-b"
                    let! absent = client.TaskQueues |> TaskQueues.findByName "fs-c"
                    let! all = client.TaskQueues |> TaskQueues.list []
                    let! types = client.ExecutableTaskTypes |> TaskTypes.createMany [ ExecutableTaskTypeDraft("fs-t", "true") ]
                    let echo = match types with [ Ok t ] -> t | other -> failwithf "%A" other
                    let! whitelist = client.TaskWhitelists |> TaskWhitelists.create (TaskWhitelistDraft("fs-w", WhitelistedExecutableTaskTypes = lseq [ echo.Id ]))
                    let! queue = client.TaskQueues |> TaskQueues.get found.Value.Id
                    let! patched = client.TaskQueues |> TaskQueues.patch queue.Id (TaskQueuePatch(Description = lsome "patched"))
                    let! queue = client.TaskQueues |> TaskQueues.patch queue.Id (TaskQueuePatch(Whitelists = lsome (lseq [ whitelist.Id ])))
                    let! launched =
                        client.ExecutableTaskInstances
                        |> TaskInstances.createMany [ TaskInstanceDraft(echo.Id, queue.Id); TaskInstanceDraft(echo.Id, queue.Id) ]
                    let uuids = launched |> List.choose (function Ok i -> Some i.Uuid | Error _ -> None)
                    let! finished = client.ExecutableTaskInstances |> TaskInstances.waitMany (Some quickWait) uuids
                    let! one = client.ExecutableTaskInstances |> TaskInstances.wait (Some quickWait) uuids.Head
                    let! listed = client.ExecutableTaskInstances |> TaskInstances.list []
                    return a, made, absent, all, patched, finished, one, listed
                }
            match! pipeline |> Aff.runTask guard.Token with
            | Error error -> failwithf "%s" error.Message
            | Ok(a, made, absent, all, patched, finished, one, listed) ->
                match made with
                | [ Ok b; Error(Invalid(fields, _)) ] ->
                    Assert.Equal(("fs-a", "fs-b"), (a.Name, b.Name))
                    Assert.Contains(fields, fun (field, _) -> field = "name")
                | other -> failwithf "unexpected batch: %A" other
                Assert.Equal(ValueNone, absent)
                Assert.Equal<string list>([ "fs-a"; "fs-b" ], all |> List.map (fun q -> q.Name) |> List.sort)
                Assert.Equal("patched", patched.Description)
                Assert.Equal(2, finished.Length)
                Assert.All(finished, fun i -> Assert.Equal(TaskState.SuccessfulState, i.State))
                Assert.Equal(TaskState.SuccessfulState, one.State)
                Assert.Equal(2, listed.Length)
        }

    [<Fact>]
    member _.``Aff.toAsync runs an effect as an F# Async, its failure an Error``() : Task =
        task {
            use! emulator = SaltantEmulator.StartAsync()
            use client = SaltantClient.Create(settingsFor emulator "alice")
            use guard = hangGuard ()
            let work =
                async {
                    let! found = client.TaskWhitelists |> TaskWhitelists.findByName "fs-w" |> Aff.toAsync
                    let! missing = client.TaskWhitelists.GetByName "fs-w" |> Aff.toAsync
                    return found, missing
                }
            let! found, missing = Async.StartAsTask(work, cancellationToken = guard.Token)
            Assert.Equal(Ok ValueNone, found)
            match missing with
            | Error Missing -> ()
            | other -> failwithf "expected a Missing error, got %A" other
        }
