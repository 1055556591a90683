namespace Saltant.Client.FSharpTests

open System
open System.Threading
open System.Threading.Tasks
open Saltant.Http
open Saltant.Client

// The client's effects seen from F#. LanguageExt is not opened wholesale on purpose: its `Seq`,
// `Option` and `Error` would shadow FSharp.Core's. A few aliases and helpers are all an F# caller needs.

/// A saltant effect: runs against a SaltantRuntime and yields 'a or an Error.
type SAff<'a> = LanguageExt.Aff<SaltantRuntime, 'a>

/// LanguageExt's error type (every saltant error derives from it).
type LError = LanguageExt.Common.Error

/// LanguageExt's immutable sequence, which the client's records and drafts use.
type LSeq<'a> = LanguageExt.Seq<'a>

/// LanguageExt's option, which the client's drafts and patches use.
type LOption<'a> = LanguageExt.Option<'a>

/// Helpers over SAff: the usual functional vocabulary, curried for piping.
[<RequireQualifiedAccess>]
module Aff =
    /// An effect that succeeds with the value.
    let succeed (value: 'a) : SAff<'a> = LanguageExt.Prelude.SuccessAff<SaltantRuntime, 'a>(value)

    /// An effect that fails with the error.
    let fail (error: LError) : SAff<'a> = LanguageExt.Prelude.FailAff<SaltantRuntime, 'a>(error)

    /// Runs the effect, then the effect made from its value.
    let bind (f: 'a -> SAff<'b>) (ma: SAff<'a>) : SAff<'b> =
        LanguageExt.AffExtensions.Bind(ma, Func<'a, SAff<'b>>(f))

    /// Maps the value.
    let map (f: 'a -> 'b) (ma: SAff<'a>) : SAff<'b> =
        LanguageExt.AffExtensions.Map(ma, Func<'a, 'b>(f))

    /// Lifts a LanguageExt Either whose Left is an error, such as the Either<ConfigError, Settings>
    /// that Settings.Create returns: Right succeeds with its value, Left fails with its error.
    let ofEither<'e, 'a when 'e :> LError> (either: LanguageExt.Either<'e, 'a>) : SAff<'a> =
        either.Match(Func<'a, SAff<'a>>(succeed), Func<'e, SAff<'a>>(fun error -> fail (error :> LError)))

    /// Turns failure into a value: the effect then always succeeds, with an F# Result.
    let attempt (ma: SAff<'a>) : SAff<Result<'a, LError>> =
        LanguageExt.AffExtensions.Match(ma, Func<'a, Result<'a, LError>>(Ok), Func<LError, Result<'a, LError>>(Error))

    /// Runs effects one after another, collecting their values in order.
    let sequence (effects: SAff<'a> list) : SAff<'a list> =
        List.foldBack
            (fun ma acc -> ma |> bind (fun a -> acc |> map (fun rest -> a :: rest)))
            effects
            (succeed [])

    /// Runs the effect on a fresh runtime (cancellable through the token), giving a Fin.
    let run (ct: CancellationToken) (ma: SAff<'a>) : Task<LanguageExt.Fin<'a>> =
        ma.Run(SaltantRuntime.New ct).AsTask()

/// A computation expression over SAff, so pipelines read top to bottom.
type AffBuilder() =
    member _.Return(value: 'a) : SAff<'a> = Aff.succeed value
    member _.ReturnFrom(ma: SAff<'a>) : SAff<'a> = ma
    member _.Bind(ma: SAff<'a>, f: 'a -> SAff<'b>) : SAff<'b> = Aff.bind f ma
    // F#'s () is null at run time and LanguageExt refuses null values ("value"), so the
    // builder's own unit steps carry LanguageExt.Unit instead.
    member _.Zero() : SAff<LanguageExt.Unit> = Aff.succeed LanguageExt.Unit.Default
    // Delay keeps the body lazy: nothing before the first let! runs until the effect does.
    member _.Delay(f: unit -> SAff<'a>) : SAff<'a> = Aff.succeed LanguageExt.Unit.Default |> Aff.bind (fun _ -> f ())
    member _.Combine(first: SAff<LanguageExt.Unit>, rest: SAff<'a>) : SAff<'a> = first |> Aff.bind (fun _ -> rest)
    // `use! client = connect` disposes the client when the rest of the computation ends, failed or
    // not (LanguageExt's use), just as `use` does in F#'s own builders.
    member _.Using(resource: 'r, body: 'r -> SAff<'b>) : SAff<'b> when 'r :> IDisposable =
        LanguageExt.Prelude.``use``(Aff.succeed resource, Func<'r, SAff<'b>>(body))

/// Fin and the other LanguageExt shapes, matched the F# way.
[<AutoOpen>]
module Patterns =
    /// The effect builder: `aff { let! x = ... in return ... }`.
    let aff = AffBuilder()

    /// Matches a Fin as success or failure.
    let (|Succ|Fail|) (fin: LanguageExt.Fin<'a>) : Choice<'a, LError> =
        fin.Match(Func<'a, Choice<'a, LError>>(Choice1Of2), Func<LError, Choice<'a, LError>>(Choice2Of2))

    /// Matches a LanguageExt Either as an F# Result (Right is Ok).
    let toResult (either: LanguageExt.Either<'l, 'r>) : Result<'r, 'l> =
        either.Match(Func<'r, Result<'r, 'l>>(Ok), Func<'l, Result<'r, 'l>>(Error))

    /// An F# list as a LanguageExt Seq.
    let lseq (items: 'a list) : LSeq<'a> = LanguageExt.Prelude.toSeq (items :> seq<'a>)

    /// A value as a LanguageExt Some.
    let lsome (value: 'a) : LOption<'a> = LanguageExt.Option<'a>.Some value

    /// A LanguageExt Seq as an F# list.
    let ofLSeq (items: LSeq<'a>) : 'a list = List.ofSeq items

    /// A JSON object from F# pairs.
    let jsonObject (pairs: (string * Saltant.Domain.Json) list) : Saltant.Domain.Json.JObject =
        Saltant.Domain.Json.Object(pairs |> List.map (fun (k, v) -> struct (k, v)) |> Array.ofList)
