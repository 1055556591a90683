using System.Text;
using CsCheck;
using LanguageExt;
using Saltant.Testing;
using Xunit;

namespace Saltant.Domain.Tests.Decoding;

/// <summary>No decoder throws, whatever bytes or JSON it is given; a failure always names a path.</summary>
public sealed class DecoderRobustnessProperties
{
    // Every decoder, as a function that reports the failure path (or "" on success).
    private static readonly Func<byte[], string>[] All =
    [
        Probe(Decoders.User), Probe(Decoders.TaskQueue), Probe(Decoders.TaskWhitelist),
        Probe(Decoders.ContainerTaskType), Probe(Decoders.ExecutableTaskType),
        Probe(Decoders.ContainerTaskInstance), Probe(Decoders.ExecutableTaskInstance),
        Probe(Decoders.JwtPair), Probe(Decoders.JwtAccess), Probe(Decoders.InstanceStateUpdate), Probe(Decoders.ApiRoot),
        Probe(Decoders.UserPage), Probe(Decoders.TaskQueuePage), Probe(Decoders.TaskWhitelistPage),
        Probe(Decoders.ContainerTaskTypePage), Probe(Decoders.ExecutableTaskTypePage),
        Probe(Decoders.ContainerTaskInstancePage), Probe(Decoders.ExecutableTaskInstancePage),
    ];

    private static Func<byte[], string> Probe<T>(Decoder<T> decoder) =>
        bytes => decoder.Decode(bytes).Match(_ => "", f => f.Path);

    private static void NoDecoderThrows(byte[] bytes)
    {
        foreach (var decode in All)
        {
            var path = decode(bytes);
            Assert.True(path.Length == 0 || path.StartsWith('$'), $"path {path}");
        }
    }

    // Each case goes to one decoder picked at random: many cases, each cheap.
    private static void OneDecoderDoesNotThrow(int which, byte[] bytes)
    {
        var path = All[which](bytes);
        Assert.True(path.Length == 0 || path.StartsWith('$'), $"path {path}");
    }

    [Fact]
    public void No_decoder_throws_on_arbitrary_bytes() =>
        Gen.Select(Gen.Int[0, All.Length - 1], Gen.Byte.Array[0, 64]).Sample(OneDecoderDoesNotThrow, iter: 30_000);

    [Fact]
    public void No_decoder_throws_on_arbitrary_json() =>
        Gen.Select(Gen.Int[0, All.Length - 1], RecordGen.Json.Select(json => Encoding.UTF8.GetBytes(json.ToString())))
            .Sample(OneDecoderDoesNotThrow, iter: 20_000);

    // A record the server could send with one member replaced by any JSON value, dropped, or
    // the body cut short: the shapes that reach the mapping and the converters.
    private static readonly Gen<byte[]> DamagedRecord =
        Gen.Select(
            Gen.OneOf(
                RecordGen.ExecutableTaskInstance.Select(Encoders.ExecutableTaskInstance.EncodeText),
                RecordGen.ContainerTaskType.Select(Encoders.ContainerTaskType.EncodeText),
                RecordGen.Page(RecordGen.TaskQueue).Select(Encoders.PageOf(Encoders.TaskQueue).EncodeText)),
            RecordGen.Json, Gen.Int[0, 20], Gen.Int[0, 2], Gen.Int[0, 1000])
        .Select((text, replacement, member, how, cut) =>
        {
            var obj = (Json.JObject)Json.Parse(text).IfLeft(Json.EmptyObject);
            var key = obj.Members[member % obj.Count].Key;
            var damaged = how switch
            {
                0 => obj.With(key, replacement).ToString(),
                1 => new Json.JObject(obj.Members.Filter(m => m.Key != key)).ToString(),
                _ => text[..(cut % (text.Length + 1))],
            };
            return Encoding.UTF8.GetBytes(damaged);
        });

    [Fact]
    public void No_decoder_throws_on_damaged_records() =>
        DamagedRecord.Sample(NoDecoderThrows, iter: 2_000);
}
