using LanguageExt;
using Saltant.Cli.Sweeps;
using Saltant.Domain;
using Xunit;

namespace Saltant.Cli.Tests;

/// <summary>Sweep files: JSON Lines and CSV into argument sets, every problem at once with its line and field.</summary>
public sealed class SweepFileTests
{
    private static Seq<SweepItem> Sets(string text, string format) =>
        SweepFile.Parse(text, format, "key").Match(Right: s => s, Left: p => throw new Xunit.Sdk.XunitException(string.Join("; ", p)));

    private static string[] Problems(string text, string format) =>
        SweepFile.Parse(text, format, "key").Match(Right: s => throw new Xunit.Sdk.XunitException($"expected problems, got {s.Count} sets"), Left: p => p.Map(x => x.ToString()).ToArray());

    [Fact]
    public void Json_lines_take_the_explicit_and_the_flat_form_and_skip_blank_lines()
    {
        var sets = Sets("{\"key\": \"a\", \"arguments\": {\"n\": 1}}\r\n\n{\"key\": 7, \"n\": 2, \"tag\": \"x\"}\n", "jsonl");

        Assert.Equal(new[] { "a", "7" }, sets.Map(s => s.Key));
        Assert.Equal(Json.Object(("n", Json.Of(1L))), sets[0].Arguments);
        Assert.Equal(Json.Object(("n", Json.Of(2L)), ("tag", Json.Of("x"))), sets[1].Arguments);
    }

    [Fact]
    public void Json_lines_problems_name_every_line_and_field()
    {
        var problems = Problems("{\"key\": \"a\"}\nnot json\n[1]\n{\"n\": 1}\n{\"key\": 1.5}\n", "jsonl");

        Assert.Equal(4, problems.Length);
        Assert.StartsWith("line 2: not JSON", problems[0], StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problems[0], StringComparison.Ordinal);
        Assert.Equal("line 3: a line must be a JSON object", problems[1]);
        Assert.Equal("line 4, field \"key\": the key is missing", problems[2]);
        Assert.Equal("line 5, field \"key\": the key must be text or a whole number", problems[3]);
    }

    [Fact]
    public void Csv_cells_are_json_values_when_they_spell_one_and_empty_cells_are_left_out()
    {
        var sets = Sets("key,n,flag,name,list\ns1,3,true,007,\"[1,2]\"\ns2,,false,\"a, b\",\n", "csv");

        Assert.Equal(new[] { "s1", "s2" }, sets.Map(s => s.Key));
        Assert.Equal(Json.Object(("n", Json.Of(3L)), ("flag", Json.Of(true)), ("name", Json.Of("007")), ("list", new Json.JArray(Seq.create<Json>(Json.Of(1L), Json.Of(2L))))), sets[0].Arguments);
        Assert.Equal(Json.Object(("flag", Json.Of(false)), ("name", Json.Of("a, b"))), sets[1].Arguments);
    }

    [Fact]
    public void Csv_problems_name_the_line_and_the_key_column()
    {
        Assert.Equal(new[] { "line 1, field \"key\": the header has no key column (columns: id, n)" }, Problems("id,n\n1,2\n", "csv"));
        var problems = Problems("key,n\na,1\n,2\nb,1,extra\n", "csv");
        Assert.Equal(new[] { "line 3, field \"key\": the key is empty", "line 4: the row has 3 fields, the header 2" }, problems);
        Assert.Equal(new[] { "line 1: the file holds no argument sets" }, Problems("\n\n", "jsonl"));
        Assert.Equal(new[] { "line 1: the file holds no argument sets" }, Problems("", "csv"));
        Assert.Equal(new[] { "line 1, field \"n\": the column appears more than once in the header" }, Problems("key,n,n\na,1,2\n", "csv"));
    }

    [Fact]
    public void A_byte_order_mark_and_whitespace_lines_are_not_sets()
    {
        Assert.Equal(new[] { "a", "b" }, Sets("\uFEFFkey,n\r\na,1\r\n   \r\nb,2\r\n", "csv").Map(s => s.Key));
        Assert.Equal(new[] { "a" }, Sets("\uFEFF{\"key\": \"a\", \"n\": 1}\r\n  \r\n", "jsonl").Map(s => s.Key));
    }
}
