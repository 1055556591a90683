using LanguageExt;
using Xunit;

namespace Saltant.Domain.Tests.Corpus;

/// <summary>
/// What a success body of each endpoint must decode into, checked by decoding it and encoding the
/// value back: the encoding must be the same JSON as the server's body (same fields, same values).
/// </summary>
internal static class SuccessBodyDecoding
{
    /// <summary>Decodes the body as its endpoint calls for; returns a description of the value read.</summary>
    public static string DecodeAndRoundTrip(Exchange e) => e.Segments switch
    {
        [] => Decoded(Decoders.ApiRoot.Decode(e.BodyBytes), links => $"{links.Count} links"),
        ["token"] => RoundTrip(e, Decoders.JwtPair, Encoders.JwtPair),
        ["token", "refresh"] => RoundTrip(e, Decoders.JwtAccess, Encoders.JwtAccess),
        ["updatetaskinstancestatus", _] => RoundTrip(e, Decoders.InstanceStateUpdate, Encoders.InstanceStateUpdate),
        [var route] when e.Method == "GET" => ListOf(e, route),
        [var route, ..] => RecordOf(e, route),
    };

    private static string ListOf(Exchange e, string route) => route switch
    {
        "users" => RoundTrip(e, Decoders.UserPage, Encoders.PageOf(Encoders.User)),
        "taskqueues" => RoundTrip(e, Decoders.TaskQueuePage, Encoders.PageOf(Encoders.TaskQueue)),
        "taskwhitelists" => RoundTrip(e, Decoders.TaskWhitelistPage, Encoders.PageOf(Encoders.TaskWhitelist)),
        "containertasktypes" => RoundTrip(e, Decoders.ContainerTaskTypePage, Encoders.PageOf(Encoders.ContainerTaskType)),
        "executabletasktypes" => RoundTrip(e, Decoders.ExecutableTaskTypePage, Encoders.PageOf(Encoders.ExecutableTaskType)),
        "containertaskinstances" => RoundTrip(e, Decoders.ContainerTaskInstancePage, Encoders.PageOf(Encoders.ContainerTaskInstance)),
        "executabletaskinstances" => RoundTrip(e, Decoders.ExecutableTaskInstancePage, Encoders.PageOf(Encoders.ExecutableTaskInstance)),
        _ => throw new InvalidOperationException($"no list endpoint {route} in {e}"),
    };

    private static string RecordOf(Exchange e, string route) => route switch
    {
        "users" => RoundTrip(e, Decoders.User, Encoders.User),
        "taskqueues" => RoundTrip(e, Decoders.TaskQueue, Encoders.TaskQueue),
        "taskwhitelists" => RoundTrip(e, Decoders.TaskWhitelist, Encoders.TaskWhitelist),
        "containertasktypes" => RoundTrip(e, Decoders.ContainerTaskType, Encoders.ContainerTaskType),
        "executabletasktypes" => RoundTrip(e, Decoders.ExecutableTaskType, Encoders.ExecutableTaskType),
        "containertaskinstances" => RoundTrip(e, Decoders.ContainerTaskInstance, Encoders.ContainerTaskInstance),
        "executabletaskinstances" => RoundTrip(e, Decoders.ExecutableTaskInstance, Encoders.ExecutableTaskInstance),
        _ => throw new InvalidOperationException($"no record endpoint {route} in {e}"),
    };

    private static string RoundTrip<T>(Exchange e, Decoder<T> decoder, Encoder<T> encoder) =>
        Decoded(decoder.Decode(e.BodyBytes), value =>
        {
            var server = Json.Parse(e.ResponseBody).IfLeft(m => throw new InvalidOperationException(m));
            var ours = Json.Parse(encoder.EncodeText(value)).IfLeft(m => throw new InvalidOperationException(m));
            Assert.True(server.Equals(ours), $"{e}: re-encoded body differs.\nserver: {server}\nours:   {ours}");
            return value!.GetType().Name;
        });

    private static string Decoded<T>(Either<DecodeFailure, T> result, Func<T, string> check) =>
        result.Match(check, failure => throw new Xunit.Sdk.XunitException($"could not decode: {failure}"));
}
