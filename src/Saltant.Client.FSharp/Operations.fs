namespace Saltant.Client.FSharp

open Saltant.Domain
open Saltant.Client

// The client's main operations as functions with F# types at the edges: lists in, lists and
// options out, batches as Result lists. Each takes its sub-client last, for piping
// (`client.TaskQueues |> TaskQueues.findByName "q"`), and yields an effect in the client's runtime;
// Aff.runTask and Aff.toAsync run one as Task<Result<_, _>> or Async<Result<_, _>>. An absent value
// inside an effect is a voption (ValueNone): LanguageExt refuses null values, and F#'s None is null
// at run time; ValueOption.toOption turns it into an option outside.

/// Connecting and checking a client.
[<RequireQualifiedAccess>]
module Client =
    /// Makes a client and, when the settings ask for it (the default), checks the credentials with
    /// one read; bind it with use! so it is disposed when the computation ends.
    let connect (settings: Settings) : SAff<SaltantClient> = SaltantClient.Connect(settings, null)

    /// As connect, with an HTTP client, clock or logging of the caller's.
    let connectWith (options: SaltantClientOptions) (settings: Settings) : SAff<SaltantClient> =
        SaltantClient.Connect(settings, options)

    /// Checks the credentials with one cheap authenticated read.
    let testAuthentication (client: SaltantClient<'rt>) : LanguageExt.Aff<'rt, LUnit> = client.TestAuthentication()

/// Users.
[<RequireQualifiedAccess>]
module Users =
    /// The user of this name.
    let get (username: Username) (users: UsersClient<'rt>) : LanguageExt.Aff<'rt, User> = users.Get username

    /// Every user matching the filters, read page by page.
    let list (filters: Filter<User> list) (users: UsersClient<'rt>) : LanguageExt.Aff<'rt, User list> =
        users.List(lseq filters) |> Aff.map ofLSeq

/// Task queues.
[<RequireQualifiedAccess>]
module TaskQueues =
    /// The queue of this id.
    let get (id: TaskQueueId) (queues: TaskQueuesClient<'rt>) : LanguageExt.Aff<'rt, TaskQueue> = queues.Get id

    /// The queue of this name, or ValueNone (a voption, not an option: LanguageExt refuses null values, and F#'s None is null at run time).
    let findByName (name: string) (queues: TaskQueuesClient<'rt>) : LanguageExt.Aff<'rt, TaskQueue voption> =
        queues.FindByName name |> Aff.map ofLOptionV

    /// Every queue matching the filters.
    let list (filters: Filter<TaskQueue> list) (queues: TaskQueuesClient<'rt>) : LanguageExt.Aff<'rt, TaskQueue list> =
        queues.List(lseq filters) |> Aff.map ofLSeq

    /// Creates a queue.
    let create (draft: TaskQueueDraft) (queues: TaskQueuesClient<'rt>) : LanguageExt.Aff<'rt, TaskQueue> = queues.Create draft

    /// Creates queues side by side: one Result per draft, in order.
    let createMany (drafts: TaskQueueDraft list) (queues: TaskQueuesClient<'rt>) : LanguageExt.Aff<'rt, Result<TaskQueue, LError> list> =
        queues.CreateMany drafts |> Aff.results

    /// Changes the given fields of a queue.
    let patch (id: TaskQueueId) (changes: TaskQueuePatch) (queues: TaskQueuesClient<'rt>) : LanguageExt.Aff<'rt, TaskQueue> =
        queues.Patch(id, changes)

/// Task whitelists.
[<RequireQualifiedAccess>]
module TaskWhitelists =
    /// The whitelist of this id.
    let get (id: TaskWhitelistId) (whitelists: TaskWhitelistsClient<'rt>) : LanguageExt.Aff<'rt, TaskWhitelist> = whitelists.Get id

    /// The whitelist of this name, or ValueNone (a voption, not an option: LanguageExt refuses null values, and F#'s None is null at run time).
    let findByName (name: string) (whitelists: TaskWhitelistsClient<'rt>) : LanguageExt.Aff<'rt, TaskWhitelist voption> =
        whitelists.FindByName name |> Aff.map ofLOptionV

    /// Every whitelist matching the filters.
    let list (filters: Filter<TaskWhitelist> list) (whitelists: TaskWhitelistsClient<'rt>) : LanguageExt.Aff<'rt, TaskWhitelist list> =
        whitelists.List(lseq filters) |> Aff.map ofLSeq

    /// Creates a whitelist.
    let create (draft: TaskWhitelistDraft) (whitelists: TaskWhitelistsClient<'rt>) : LanguageExt.Aff<'rt, TaskWhitelist> =
        whitelists.Create draft

    /// Changes the given fields of a whitelist.
    let patch (id: TaskWhitelistId) (changes: TaskWhitelistPatch) (whitelists: TaskWhitelistsClient<'rt>) : LanguageExt.Aff<'rt, TaskWhitelist> =
        whitelists.Patch(id, changes)

/// Task types, container or executable (client.ContainerTaskTypes, client.ExecutableTaskTypes).
[<RequireQualifiedAccess>]
module TaskTypes =
    /// The task type of this id.
    let get (id: TaskTypeId<'k>) (types: TaskTypesClient<'rt, 'k, 't, 'd>) : LanguageExt.Aff<'rt, 't> = types.Get id

    /// The task type of this name, or ValueNone (a voption, not an option: LanguageExt refuses null values, and F#'s None is null at run time).
    let findByName (name: string) (types: TaskTypesClient<'rt, 'k, 't, 'd>) : LanguageExt.Aff<'rt, 't voption> =
        types.FindByName name |> Aff.map ofLOptionV

    /// Every task type matching the filters.
    let list (filters: Filter<TaskType<'k>> list) (types: TaskTypesClient<'rt, 'k, 't, 'd>) : LanguageExt.Aff<'rt, 't list> =
        types.List(lseq filters) |> Aff.map ofLSeq

    /// Creates a task type.
    let create (draft: 'd) (types: TaskTypesClient<'rt, 'k, 't, 'd>) : LanguageExt.Aff<'rt, 't> = types.Create draft

    /// Creates task types side by side: one Result per draft, in order.
    let createMany (drafts: 'd list) (types: TaskTypesClient<'rt, 'k, 't, 'd>) : LanguageExt.Aff<'rt, Result<'t, LError> list> =
        types.CreateMany drafts |> Aff.results

/// Task instances, container or executable (client.ContainerTaskInstances, client.ExecutableTaskInstances).
[<RequireQualifiedAccess>]
module TaskInstances =
    /// The instance of this UUID.
    let get (uuid: InstanceUuid) (instances: TaskInstancesClient<'rt, 'k, 't>) : LanguageExt.Aff<'rt, 't> = instances.Get uuid

    /// Every instance matching the filters.
    let list (filters: Filter<TaskInstance<'k>> list) (instances: TaskInstancesClient<'rt, 'k, 't>) : LanguageExt.Aff<'rt, 't list> =
        instances.List(lseq filters) |> Aff.map ofLSeq

    /// Launches an instance.
    let create (draft: TaskInstanceDraft<'k>) (instances: TaskInstancesClient<'rt, 'k, 't>) : LanguageExt.Aff<'rt, 't> =
        instances.Create draft

    /// Launches instances side by side: one Result per draft, in order.
    let createMany (drafts: TaskInstanceDraft<'k> list) (instances: TaskInstancesClient<'rt, 'k, 't>) : LanguageExt.Aff<'rt, Result<'t, LError> list> =
        instances.CreateMany drafts |> Aff.results

    /// Waits until the instance has finished (the client's DefaultWait when options is None).
    let wait (options: WaitOptions option) (uuid: InstanceUuid) (instances: TaskInstancesClient<'rt, 'k, 't>) : LanguageExt.Aff<'rt, 't> =
        instances.Wait(uuid, toLOption options)

    /// Waits until every instance has finished, giving them in the order of the UUIDs.
    let waitMany (options: WaitOptions option) (uuids: InstanceUuid list) (instances: TaskInstancesClient<'rt, 'k, 't>) : LanguageExt.Aff<'rt, 't list> =
        instances.WaitMany(uuids, toLOption options) |> Aff.map ofLSeq

    /// Asks the server to terminate the instance.
    let terminate (uuid: InstanceUuid) (instances: TaskInstancesClient<'rt, 'k, 't>) : LanguageExt.Aff<'rt, 't> = instances.Terminate uuid
