namespace Saltant.Client.FSharp

open System
open Saltant.Domain

/// Active patterns over LanguageExt's results and the saltant error family, so they match the F# way.
[<AutoOpen>]
module Patterns =
    /// Matches a LanguageExt Fin: `| Succ value -> ... | Fail error -> ...`.
    let (|Succ|Fail|) (fin: LanguageExt.Fin<'a>) : Choice<'a, LError> =
        fin.Match(Func<'a, Choice<'a, LError>>(Choice1Of2), Func<LError, Choice<'a, LError>>(Choice2Of2))

    /// Matches a LanguageExt Either: `| Right value -> ... | Left other -> ...`.
    let (|Right|Left|) (either: LanguageExt.Either<'l, 'r>) : Choice<'r, 'l> =
        either.Match(Func<'r, Choice<'r, 'l>>(Choice1Of2), Func<'l, Choice<'r, 'l>>(Choice2Of2))

    /// Matches a LanguageExt Option: `| LSome value -> ... | LNone -> ...`.
    let (|LSome|LNone|) (option: LanguageExt.Option<'a>) : Choice<'a, unit> =
        option.Match(Func<'a, Choice<'a, unit>>(Choice1Of2), Func<Choice<'a, unit>>(fun () -> Choice2Of2()))

    /// Settings that could not be made (ConfigError): every problem found, in the order checked.
    let (|BadSettings|_|) (error: LError) : ConfigProblem list option =
        match error with
        | :? ConfigError as config -> Some(ofLSeq config.Problems)
        | _ -> None

    /// The server refused the request's data (ValidationFailed, 400): each field's messages
    /// (field, messages) and the messages about no one field.
    let (|Invalid|_|) (error: LError) : ((string * string list) list * string list) option =
        match error with
        | :? ValidationFailed as failed ->
            let fields = failed.FieldErrors |> ofLSeq |> List.map (fun f -> f.Field, ofLSeq f.Messages)
            Some(fields, ofLSeq failed.NonFieldErrors)
        | _ -> None

    /// The credentials were not accepted (AuthenticationFailed) or the user may not do this
    /// (PermissionDenied): the server's detail.
    let (|Denied|_|) (error: LError) : string option =
        match error with
        | :? AuthenticationFailed as refused -> Some refused.Detail
        | :? PermissionDenied as denied -> Some denied.Detail
        | _ -> None

    /// No such record, route or page (NotFound), or no record of that name (NameNotFound).
    let (|Missing|_|) (error: LError) : unit option =
        match error with
        | :? NotFound
        | :? NameNotFound -> Some()
        | _ -> None

    /// Worth trying again later: the request failed on the way (TransportFailed), got no answer
    /// in time (TimedOut), failed on the server (ServerFault) or was rate limited (RateLimited);
    /// carries how long the server asked to wait, when it said.
    let (|Transient|_|) (error: LError) : TimeSpan option option =
        match error with
        | :? RateLimited as limited -> Some(ofLOption limited.RetryAfter)
        | :? TransportFailed
        | :? TimedOut
        | :? ServerFault -> Some None
        | _ -> None

    /// A wait gave up before these instances finished (WaitTimedOut).
    let (|WaitExpired|_|) (error: LError) : InstanceUuid list option =
        match error with
        | :? WaitTimedOut as expired -> Some(ofLSeq expired.Pending)
        | _ -> None

    /// The caller's cancellation stopped the work (Cancelled): what was cancelled.
    let (|WasCancelled|_|) (error: LError) : string option =
        match error with
        | :? Cancelled as cancelled -> Some cancelled.What
        | _ -> None

    /// Any case of the saltant error family (SaltantError), for its Code and Message.
    let (|Saltant|_|) (error: LError) : SaltantError option =
        match error with
        | :? SaltantError as saltant -> Some saltant
        | _ -> None
