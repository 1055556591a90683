using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using Saltant.Testing;
using Xunit;

namespace Saltant.Domain.Tests.Decoding;

/// <summary>
/// The datetime reader walks the characters itself (a fresh process's first list decodes thousands
/// of datetimes); it must accept exactly what the earlier reader did: a pattern check, then .NET's
/// exact parse of <c>yyyy-MM-dd'T'HH:mm:ss[.FFFFFFF]K</c>. That reader lives here as the reference.
/// </summary>
public sealed partial class ServerDateTimeParseProperties
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private static LanguageExt.Option<(long Ticks, TimeSpan Offset)> Reference(string text) =>
        Shape().IsMatch(text) && DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? (value.UtcTicks, value.Offset)
            : LanguageExt.Option<(long, TimeSpan)>.None;

    // The instant and the offset both: DateTimeOffset's own equality compares instants only.
    private static LanguageExt.Option<(long Ticks, TimeSpan Offset)> Read(string text) =>
        ServerDateTime.Parse(text).Map(v => (v.UtcTicks, v.Offset));

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    private static Gen<string> Number(int digits, int max) => Gen.Int[0, max].Select(n => n.ToString(new string('0', digits), CultureInfo.InvariantCulture));

    // Datetimes of the server's shape with every field pushed past its range now and then.
    private static readonly Gen<string> NearlyValid =
        from year in Gen.OneOf(Gen.Const("0000"), Gen.Const("0001"), Gen.Const("9999"), Number(4, 9999))
        from month in Number(2, 19)
        from day in Number(2, 39)
        from hour in Number(2, 29)
        from minute in Number(2, 69)
        from second in Number(2, 69)
        from fraction in Gen.OneOf(Gen.Const(""), Gen.Int[0, 9].SelectMany(n => Gen.Char["0123456789"].Array[n].Select(d => "." + new string(d))))
        from offset in Gen.OneOf(
            Gen.Const("Z"), Gen.Const("z"), Gen.Const(""), Gen.Const("+00:00"), Gen.Const("-00:00"),
            from sign in Gen.Char["+-"]
            from hh in Number(2, 19)
            from mm in Number(2, 69)
            select $"{sign}{hh}:{mm}")
        select $"{year}-{month}-{day}T{hour}:{minute}:{second}{fraction}{offset}";

    // Valid datetimes with one character changed, dropped or added (other digits, separators, spaces, newlines).
    private static readonly Gen<string> Mutated =
        from text in RecordGen.DateTime.Select(ServerDateTime.Format)
        from kind in Gen.Int[0, 2]
        from at in Gen.Int[0, 40]
        from c in Gen.Char["0123456789-:T.Z+ tz\n\u0663\u00A0x"]
        let i = Math.Min(at, text.Length)
        select kind switch
        {
            0 when i < text.Length => text[..i] + c + text[(i + 1)..],
            1 when i < text.Length => text[..i] + text[(i + 1)..],
            _ => text[..i] + c + text[i..],
        };

    [Fact]
    public void Nearly_valid_datetimes_are_read_as_the_exact_parse_reads_them()
    {
        var accepted = 0;
        var refused = 0;
        NearlyValid.Sample(
            text =>
            {
                var read = ServerDateTime.Parse(text);
                _ = read.IsSome ? Interlocked.Increment(ref accepted) : Interlocked.Increment(ref refused);
                return Reference(text) == read.Map(v => (Ticks: v.UtcTicks, v.Offset));
            },
            iter: 20_000);

        // Both sides of the line were tried, many times.
        Assert.True(accepted > 1_000 && refused > 1_000, $"accepted {accepted}, refused {refused}");
    }

    [Fact]
    public void Changed_datetimes_are_read_as_the_exact_parse_reads_them() =>
        Mutated.Sample(text => Reference(text) == Read(text), iter: 20_000);

    [Fact]
    public void Server_datetimes_are_read_as_the_exact_parse_reads_them() =>
        RecordGen.DateTime.Select(ServerDateTime.Format).Sample(text => Reference(text) == Read(text) && Reference(text).IsSome, iter: 5_000);
}
