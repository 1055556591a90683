namespace Saltant.Client.FSharp

open System
open System.Threading
open System.Threading.Tasks
open LanguageExt.Effects.Traits
open Saltant.Domain
open Saltant.Client

/// Functions over LanguageExt's Aff effects in any runtime 'rt (SaltantRuntime or one of the
/// caller's, as the clients made by SaltantClient.Create with a runtime factory use), curried for piping.
[<RequireQualifiedAccess>]
module Aff =
    /// The failure of an effect asked to yield null, which LanguageExt refuses: F#'s None and ()
    /// are null at run time, so an effect yields a voption (ValueNone) or LUnit instead.
    let nullValue<'a> () : LError =
        LError.New(
            sprintf
                "An effect cannot yield null (a %s): LanguageExt refuses null values, and F#'s None and () are null at run time; yield a voption (ValueNone) or LUnit.Default instead."
                typeof<'a>.Name)

    /// An effect that succeeds with the value. The value must not be null: LanguageExt refuses null,
    /// and F#'s None and () are null at run time, so yield a voption (ValueNone) or LUnit.Default;
    /// a null value makes the effect fail with an error that says so.
    let succeed<'rt, 'a when 'rt: struct and 'rt :> HasCancel<'rt> and 'rt: (new: unit -> 'rt)> (value: 'a) : LanguageExt.Aff<'rt, 'a> =
        if isNull (box value) then LanguageExt.Prelude.FailAff<'rt, 'a>(nullValue<'a> ())
        else LanguageExt.Prelude.SuccessAff<'rt, 'a>(value)

    /// An effect that fails with the error.
    let fail<'rt, 'a when 'rt: struct and 'rt :> HasCancel<'rt> and 'rt: (new: unit -> 'rt)> (error: LError) : LanguageExt.Aff<'rt, 'a> =
        LanguageExt.Prelude.FailAff<'rt, 'a>(error)

    /// The effect that yields LanguageExt's unit.
    let unit<'rt when 'rt: struct and 'rt :> HasCancel<'rt> and 'rt: (new: unit -> 'rt)> : LanguageExt.Aff<'rt, LUnit> =
        succeed LUnit.Default

    /// Runs the effect, then the effect made from its value.
    let bind (f: 'a -> LanguageExt.Aff<'rt, 'b>) (ma: LanguageExt.Aff<'rt, 'a>) : LanguageExt.Aff<'rt, 'b> =
        LanguageExt.AffExtensions.Bind(ma, Func<'a, LanguageExt.Aff<'rt, 'b>>(f))

    /// Maps the value.
    let map (f: 'a -> 'b) (ma: LanguageExt.Aff<'rt, 'a>) : LanguageExt.Aff<'rt, 'b> =
        bind (fun a -> succeed (f a)) ma

    /// Maps the error.
    let mapError (f: LError -> LError) (ma: LanguageExt.Aff<'rt, 'a>) : LanguageExt.Aff<'rt, 'a> =
        LanguageExt.AffExtensions.MapFail(ma, Func<LError, LError>(f))

    /// On failure, runs the effect the handler makes from the error instead.
    let catch (handler: LError -> LanguageExt.Aff<'rt, 'a>) (ma: LanguageExt.Aff<'rt, 'a>) : LanguageExt.Aff<'rt, 'a> =
        LanguageExt.AffExtensions.BiBind(ma, Func<'a, LanguageExt.Aff<'rt, 'a>>(succeed), Func<LError, LanguageExt.Aff<'rt, 'a>>(handler))

    /// Lifts a Fin: Succ succeeds with its value, Fail fails with its error.
    let ofFin (fin: LanguageExt.Fin<'a>) : LanguageExt.Aff<'rt, 'a> =
        match fin with
        | Succ value -> succeed value
        | Fail error -> fail error

    /// Lifts an Either whose Left is an error, such as the Either<ConfigError, Settings>
    /// that Settings.Create returns: Right succeeds with its value, Left fails with its error.
    let ofEither (either: LanguageExt.Either<'e, 'a>) : LanguageExt.Aff<'rt, 'a> when 'e :> LError =
        match either with
        | Right value -> succeed value
        | Left error -> fail (error :> LError)

    /// Lifts an F# Result whose error is a LanguageExt error (any saltant error is one).
    let ofResult (result: Result<'a, 'e>) : LanguageExt.Aff<'rt, 'a> when 'e :> LError =
        match result with
        | Ok value -> succeed value
        | Error error -> fail (error :> LError)

    /// Lifts the Result of SaltantSettings.Create: its problems become one ConfigError.
    let ofSettings (result: Result<'a, ConfigProblem list>) : LanguageExt.Aff<'rt, 'a> =
        match result with
        | Ok value -> succeed value
        | Error problems -> fail (ConfigError(lseq problems))

    /// Turns failure into a value: the effect then always succeeds, with an F# Result.
    let attempt (ma: LanguageExt.Aff<'rt, 'a>) : LanguageExt.Aff<'rt, Result<'a, LError>> =
        LanguageExt.AffExtensions.BiBind(
            ma,
            Func<'a, LanguageExt.Aff<'rt, Result<'a, LError>>>(fun a -> succeed (Ok a)),
            Func<LError, LanguageExt.Aff<'rt, Result<'a, LError>>>(fun e -> succeed (Error e)))

    /// Runs the effect made from each item one after another, collecting the values in order: each
    /// item's effect is made only when the one before has succeeded, and the first failure ends it.
    let traverse (f: 'a -> LanguageExt.Aff<'rt, 'b>) (items: 'a list) : LanguageExt.Aff<'rt, 'b list> =
        let rec go (acc: 'b list) (rest: 'a list) : LanguageExt.Aff<'rt, 'b list> =
            match rest with
            | [] -> succeed (List.rev acc)
            | item :: tail -> succeed LUnit.Default |> bind (fun _ -> f item) |> bind (fun b -> go (b :: acc) tail)
        succeed LUnit.Default |> bind (fun _ -> go [] items)

    /// Runs effects one after another, collecting their values in order; the first failure ends it.
    let sequence (effects: LanguageExt.Aff<'rt, 'a> list) : LanguageExt.Aff<'rt, 'a list> = traverse id effects

    /// A batch's results (one Fin per item, as the client's …Many operations give them) as F# Results.
    let results (ma: LanguageExt.Aff<'rt, LSeq<LanguageExt.Fin<'a>>>) : LanguageExt.Aff<'rt, Result<'a, LError> list> =
        ma |> map (fun fins -> fins |> ofLSeq |> List.map Interop.ofFin)

    /// A batch's values when every item succeeded, else the batch fails with the first item's error.
    let allSucceeded (ma: LanguageExt.Aff<'rt, LSeq<LanguageExt.Fin<'a>>>) : LanguageExt.Aff<'rt, 'a list> =
        ma |> bind (fun fins -> fins |> ofLSeq |> List.map ofFin |> sequence)

    /// Runs the effect in the given runtime, giving a Fin. Never throws: an exception inside the
    /// effect becomes its failure.
    let runIn (runtime: 'rt) (ma: LanguageExt.Aff<'rt, 'a>) : Task<LanguageExt.Fin<'a>> =
        task {
            try
                return! ma.Run(runtime)
            with ex ->
                return LanguageExt.Fin<'a>.Fail(LError.New ex)
        }

    /// Runs the effect on a fresh SaltantRuntime cancelled by the token, giving a Fin. Never throws:
    /// failures, and cancellation, come back as Fail.
    let run (cancellationToken: CancellationToken) (ma: SAff<'a>) : Task<LanguageExt.Fin<'a>> =
        AffRunning.RunAsync(ma, cancellationToken)

    /// Runs the effect on a fresh SaltantRuntime cancelled by the token, giving an F# Result.
    let runTask (cancellationToken: CancellationToken) (ma: SAff<'a>) : Task<Result<'a, LError>> =
        task {
            let! fin = run cancellationToken ma
            return Interop.ofFin fin
        }

    /// The effect as an F# Async on a fresh SaltantRuntime, cancelled with the Async's own token.
    let toAsync (ma: SAff<'a>) : Async<Result<'a, LError>> =
        async {
            let! cancellationToken = Async.CancellationToken
            return! runTask cancellationToken ma |> Async.AwaitTask
        }

/// What try/with inside aff { } catches: the effect's error (a LanguageExt Error, not an exception),
/// wrapped so F#'s try/with can take it: `with EffectFailed Missing -> ...` or
/// `with EffectFailed (:? NotFound as e) -> ...`. It is never thrown out of an effect.
exception EffectFailed of Error: LError

/// The computation expression behind `aff { }`: let! and do! bind Aff effects of any runtime 'rt,
/// and also Fin, Either, F# Result and Eff values; use and use! dispose what they bind when the
/// rest ends, failed or not; try/with catches the effect's errors as EffectFailed (so
/// `| EffectFailed Missing -> ...` or `| EffectFailed (:? NotFound) -> ...`), try/finally runs its cleanup
/// either way, and for runs an effect per item.
type AffBuilder() =
    /// `return value`.
    member _.Return(value: 'a) : LanguageExt.Aff<'rt, 'a> = Aff.succeed value

    /// `return! effect`.
    member _.ReturnFrom(ma: LanguageExt.Aff<'rt, 'a>) : LanguageExt.Aff<'rt, 'a> = ma

    /// `return! fin`.
    member _.ReturnFrom(fin: LanguageExt.Fin<'a>) : LanguageExt.Aff<'rt, 'a> = Aff.ofFin fin

    /// `return! either` (its Left an error).
    member _.ReturnFrom(either: LanguageExt.Either<'e, 'a>) : LanguageExt.Aff<'rt, 'a> when 'e :> LError = Aff.ofEither either

    /// `return! result` (its Error an error).
    member _.ReturnFrom(result: Result<'a, 'e>) : LanguageExt.Aff<'rt, 'a> when 'e :> LError = Aff.ofResult result

    /// `let! value = effect`.
    member _.Bind(ma: LanguageExt.Aff<'rt, 'a>, f: 'a -> LanguageExt.Aff<'rt, 'b>) : LanguageExt.Aff<'rt, 'b> = Aff.bind f ma

    /// `do! effect` for an effect that yields LanguageExt's unit, such as client.TestAuthentication().
    member _.Bind(ma: LanguageExt.Aff<'rt, LUnit>, f: unit -> LanguageExt.Aff<'rt, 'b>) : LanguageExt.Aff<'rt, 'b> =
        Aff.bind (fun (_: LUnit) -> f ()) ma

    /// `let! value = eff` for a synchronous effect in the same runtime.
    member _.Bind(ma: LanguageExt.Eff<'rt, 'a>, f: 'a -> LanguageExt.Aff<'rt, 'b>) : LanguageExt.Aff<'rt, 'b> =
        Aff.bind f (LanguageExt.AffExtensions.ToAff ma)

    /// `let! value = fin`: Fail ends the computation with its error.
    member _.Bind(fin: LanguageExt.Fin<'a>, f: 'a -> LanguageExt.Aff<'rt, 'b>) : LanguageExt.Aff<'rt, 'b> = Aff.bind f (Aff.ofFin fin)

    /// `let! value = either`, such as the validated settings: Left ends the computation with its error.
    member _.Bind(either: LanguageExt.Either<'e, 'a>, f: 'a -> LanguageExt.Aff<'rt, 'b>) : LanguageExt.Aff<'rt, 'b> when 'e :> LError =
        Aff.bind f (Aff.ofEither either)

    /// `let! value = result`: Error ends the computation with its error.
    member _.Bind(result: Result<'a, 'e>, f: 'a -> LanguageExt.Aff<'rt, 'b>) : LanguageExt.Aff<'rt, 'b> when 'e :> LError =
        Aff.bind f (Aff.ofResult result)

    /// `let! settings = SaltantSettings.Create(...)`: the problems end the computation as one ConfigError.
    member _.Bind(result: Result<'a, ConfigProblem list>, f: 'a -> LanguageExt.Aff<'rt, 'b>) : LanguageExt.Aff<'rt, 'b> =
        Aff.bind f (Aff.ofSettings result)

    /// The value of a computation with no return (LanguageExt's unit).
    member _.Zero() : LanguageExt.Aff<'rt, LUnit> = Aff.unit

    /// Keeps the body lazy: nothing in it runs until the effect does, and every run runs it afresh.
    member _.Delay(f: unit -> LanguageExt.Aff<'rt, 'a>) : LanguageExt.Aff<'rt, 'a> = Aff.unit |> Aff.bind (fun _ -> f ())

    /// A unit step followed by the rest.
    member _.Combine(first: LanguageExt.Aff<'rt, LUnit>, rest: LanguageExt.Aff<'rt, 'a>) : LanguageExt.Aff<'rt, 'a> =
        first |> Aff.bind (fun _ -> rest)

    /// `use resource = ...` (and `use!`): disposed when the rest of the computation ends, failed or not.
    member _.Using(resource: 'r, body: 'r -> LanguageExt.Aff<'rt, 'b>) : LanguageExt.Aff<'rt, 'b> when 'r :> IDisposable =
        LanguageExt.Prelude.``use``<'rt, 'r, 'b>(Aff.succeed resource, Func<'r, LanguageExt.Aff<'rt, 'b>>(body))

    /// `try ... with EffectFailed error -> ...`: the handler gets the effect's error wrapped in
    /// EffectFailed (F# hands a try/with handler an exception). An error the handler does not match
    /// goes on as the computation's failure, unchanged; an exception the handler throws becomes one.
    member _.TryWith(body: LanguageExt.Aff<'rt, 'a>, handler: exn -> LanguageExt.Aff<'rt, 'a>) : LanguageExt.Aff<'rt, 'a> =
        body
        |> Aff.catch (fun error ->
            try
                handler (EffectFailed error)
            with
            | EffectFailed original -> Aff.fail original
            | ex -> Aff.fail (LError.New ex))

    /// `try ... finally ...`: the cleanup runs when the body ends, failed or not.
    member _.TryFinally(body: LanguageExt.Aff<'rt, 'a>, compensation: unit -> unit) : LanguageExt.Aff<'rt, 'a> =
        LanguageExt.AffExtensions.BiBind(
            body,
            Func<'a, LanguageExt.Aff<'rt, 'a>>(fun a -> compensation (); Aff.succeed a),
            Func<LError, LanguageExt.Aff<'rt, 'a>>(fun e -> compensation (); Aff.fail e))

    /// `for item in items do ...`: the body's effect for each item, one after another.
    member _.For(items: seq<'a>, body: 'a -> LanguageExt.Aff<'rt, LUnit>) : LanguageExt.Aff<'rt, LUnit> =
        Aff.traverse body (List.ofSeq items) |> Aff.map (fun _ -> LUnit.Default)

/// The `aff { }` builder.
[<AutoOpen>]
module AffBuilderInstance =
    /// The effect builder: `aff { let! x = ... in return ... }`, in whatever runtime its effects use.
    let aff = AffBuilder()
