using CsCheck;
using LanguageExt;
using Saltant.Testing;
using Xunit;
using static LanguageExt.Prelude;

namespace Saltant.Domain.Tests.Decoding;

public sealed class PythonReprTests
{
    [Theory]
    [InlineData("['Queue q has not whitelisted task type t']", "Queue q has not whitelisted task type t")]
    [InlineData("[\"'{'a': 1}' is not a valid JSON array!\"]", "'{'a': 1}' is not a valid JSON array!")]
    [InlineData("['it\\'s \"quoted\"']", "it's \"quoted\"")]
    [InlineData("['tab\\there', ]", "tab\there")]
    [InlineData("['back\\\\slash \\x41\\u00e9']", "back\\slash Aé")]
    public void Python_list_reprs_are_unwrapped(string repr, string message) =>
        Assert.Equal(Seq1(message), PythonRepr.UnwrapMessage(repr));

    [Fact]
    public void Several_messages_are_all_kept_in_order() =>
        Assert.Equal(Seq("one", "two"), PythonRepr.UnwrapMessage("['one', \"two\"]"));

    [Theory]
    [InlineData("This field is required.")]
    [InlineData("[not a list]")]
    [InlineData("['unterminated]")]
    [InlineData("['a'] trailing")]
    [InlineData("{'field': ['message']}")]
    public void Other_text_is_kept_as_it_is(string text) =>
        Assert.Equal(Seq1(text), PythonRepr.UnwrapMessage(text));

    [Fact]
    public void Formatting_then_parsing_gives_the_strings_back() =>
        RecordGen.SeqOf(RecordGen.Text).Sample(
            items => PythonRepr.ParseStringList(PythonRepr.FormatStringList(items)) == Some(items), iter: 5_000);
}
