namespace Saltant.Client.FSharp

open System

// LanguageExt is not opened wholesale on purpose: its `Seq`, `Option` and `Error` would shadow
// FSharp.Core's. These aliases and conversions are what an F# caller needs at the edges.

/// LanguageExt's error type: every saltant error (Saltant.Domain.SaltantError) derives from it.
type LError = LanguageExt.Common.Error

/// LanguageExt's unit: what an effect that yields nothing carries (F#'s () is null at run time,
/// and LanguageExt refuses null values).
type LUnit = LanguageExt.Unit

/// LanguageExt's immutable sequence, which the client's records and drafts use.
type LSeq<'a> = LanguageExt.Seq<'a>

/// LanguageExt's option, which the client's drafts and patches use.
type LOption<'a> = LanguageExt.Option<'a>

/// A saltant effect in the default runtime: runs against a SaltantRuntime and yields 'a or an error.
type SAff<'a> = LanguageExt.Aff<Saltant.Client.SaltantRuntime, 'a>

/// Conversions between LanguageExt's shapes and F#'s: option, list, Result.
[<AutoOpen>]
module Interop =
    /// A LanguageExt Option as an F# option.
    let ofLOption (value: LOption<'a>) : 'a option =
        value.Match(Func<'a, 'a option>(Some), Func<'a option>(fun () -> None))

    /// A LanguageExt Option as an F# voption: what an effect yields for a value that may be absent
    /// (LanguageExt refuses null values, and F#'s None is null at run time; ValueNone is not).
    let ofLOptionV (value: LOption<'a>) : 'a voption =
        value.Match(Func<'a, 'a voption>(ValueSome), Func<'a voption>(fun () -> ValueNone))

    /// An F# option as a LanguageExt Option.
    let toLOption (value: 'a option) : LOption<'a> =
        match value with
        | Some v -> LanguageExt.Option<'a>.Some v
        | None -> LanguageExt.Option<'a>.None

    /// A value as a LanguageExt Some.
    let lsome (value: 'a) : LOption<'a> = LanguageExt.Option<'a>.Some value

    /// A LanguageExt Seq as an F# list.
    let ofLSeq (items: LSeq<'a>) : 'a list = List.ofSeq items

    /// An F# list as a LanguageExt Seq.
    let lseq (items: 'a list) : LSeq<'a> = LanguageExt.Prelude.toSeq (items :> seq<'a>)

    /// A LanguageExt Fin as an F# Result.
    let ofFin (fin: LanguageExt.Fin<'a>) : Result<'a, LError> =
        fin.Match(Func<'a, Result<'a, LError>>(Ok), Func<LError, Result<'a, LError>>(Error))

    /// An F# Result whose error is a LanguageExt error as a Fin.
    let toFin (result: Result<'a, #LError>) : LanguageExt.Fin<'a> =
        match result with
        | Ok value -> LanguageExt.Fin<'a>.Succ value
        | Error error -> LanguageExt.Fin<'a>.Fail(error :> LError)

    /// A LanguageExt Either as an F# Result (Right is Ok, Left is Error).
    let ofEither (either: LanguageExt.Either<'l, 'r>) : Result<'r, 'l> =
        either.Match(Func<'r, Result<'r, 'l>>(Ok), Func<'l, Result<'r, 'l>>(Error))

    /// A JSON object from F# pairs, in their order.
    let jsonObject (pairs: (string * Saltant.Domain.Json) list) : Saltant.Domain.Json.JObject =
        Saltant.Domain.Json.Object(pairs |> List.map (fun (k, v) -> struct (k, v)) |> Array.ofList)
