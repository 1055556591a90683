using Xunit;
using CsCheck;
using LanguageExt;
using Saltant.Testing;
using static LanguageExt.Prelude;

namespace Saltant.Domain.Tests.Requests;

public class UriRoundTripTests
{
    [Fact]
    public void Every_built_request_resolves_to_exactly_its_segments_and_query_pairs()
    {
        RequestGen.Request.Sample(request =>
        {
            var (path, query) = UriParsing.Parse(request.RelativeUri);
            Assert.Equal(request.Path.ToList(), path);
            Assert.Equal(request.Query.ToList(), query);
            Assert.DoesNotContain('+', request.RelativeUri);
        }, iter: 3000);
    }

    [Fact]
    public void The_callers_own_inputs_come_back_out_of_the_uri_unchanged()
    {
        Gen.Select(RequestGen.RoutableUsername, RequestGen.FilterText, RequestGen.InstanceUuid, Gen.Int[1, 10_000], Gen.Int[1, 1_000]).Sample((username, name, uuid, page, size) =>
        {
            var user = UserRequests.Get(username).Match(r => r, e => throw new Xunit.Sdk.XunitException(e.Message));
            Assert.Equal(["users", username.Value], UriParsing.Parse(user.RelativeUri).Path);

            var byName = TaskQueueRequests.ByName(name).Match(r => r, e => throw new Xunit.Sdk.XunitException(e.Message));
            Assert.Equal([("name", name)], UriParsing.Parse(byName.RelativeUri).Query);

            var listed = TaskInstanceRequests.List(Seq1(TaskInstanceFilters<Executable>.Name.Contains(name)), page, size)
                .Match(r => r, e => throw new Xunit.Sdk.XunitException(e.Message));
            var query = UriParsing.Parse(listed.RelativeUri).Query;
            Assert.Contains(("name__contains", name), query);
            Assert.Contains(("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)), query);
            Assert.Contains(("page_size", size.ToString(System.Globalization.CultureInfo.InvariantCulture)), query);

            var clone = TaskInstanceRequests.Clone<Container>(uuid);
            Assert.Equal(["containertaskinstances", uuid.Value.ToString("D"), "clone"], UriParsing.Parse(clone.RelativeUri).Path);
        }, iter: 2000);
    }

    [Fact]
    public void Raw_filters_with_any_text_survive_the_trip_lone_surrogates_becoming_U_FFFD()
    {
        Gen.Select(RequestGen.TextWithLoneSurrogates, RequestGen.TextWithLoneSurrogates).Array[1, 4].Sample(pairs =>
        {
            var built = TaskQueueRequests.List(toSeq(pairs.Select(p => Filter<TaskQueue>.Raw(p.Item1, p.Item2))));
            var request = built.Match(r => r, e => throw new Xunit.Sdk.XunitException(e.Message));
            var (_, query) = UriParsing.Parse(request.RelativeUri);
            var expected = pairs.Select(p => (UriEncoding.ReplaceLoneSurrogates(p.Item1), UriEncoding.ReplaceLoneSurrogates(p.Item2))).ToList();
            Assert.Equal(expected, query);
        }, iter: 2000);
    }

    [Fact]
    public void A_username_with_delimiters_and_astral_characters_is_one_path_segment()
    {
        var request = UserRequests.Get(new Username("a b&c=d#e%f?g+h é😀")).Match(r => r, e => throw new Xunit.Sdk.XunitException(e.Message));
        Assert.Equal("users/a%20b%26c%3Dd%23e%25f%3Fg%2Bh%20%C3%A9%F0%9F%98%80/", request.RelativeUri);
        Assert.Equal(["users", "a b&c=d#e%f?g+h é😀"], UriParsing.Parse(request.RelativeUri).Path);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a.b")]
    [InlineData("a/b")]
    public void Usernames_the_users_route_cannot_match_are_refused_not_sent(string username)
    {
        var built = UserRequests.Get(new Username(username));
        var error = built.Match(_ => null, e => e as InvalidRequestInput);
        Assert.NotNull(error);
        Assert.Equal("username", error.Parameter);
        Assert.Equal(ErrorCodes.InvalidRequestInput, error.Code);
    }

    [Fact]
    public void System_Uri_collapses_an_encoded_dot_segment_which_is_why_such_segments_are_refused()
    {
        Assert.Equal("/api/", new Uri(UriParsing.ApiRoot, "users/%2E%2E/").AbsolutePath);
        Assert.False(UriEncoding.IsRoutableSegment(".."));
        Assert.False(UriEncoding.IsRoutableSegment("."));
        Assert.False(UriEncoding.IsRoutableSegment(""));
        Assert.True(UriEncoding.IsRoutableSegment("..."));
    }

    [Fact]
    public void Lone_surrogates_are_replaced_and_pairs_kept()
    {
        Assert.Equal("a\uFFFDb", UriEncoding.ReplaceLoneSurrogates("a\uD800b"));
        Assert.Equal("\uFFFD", UriEncoding.ReplaceLoneSurrogates("\uDC00"));
        Assert.Equal("x\uFFFD", UriEncoding.ReplaceLoneSurrogates("x\uD83D"));
        Assert.Equal("😀", UriEncoding.ReplaceLoneSurrogates("😀"));
        Assert.Equal("%EF%BF%BD", UriEncoding.Encode("\uD800"));
    }

    [Fact]
    public void Requests_print_method_and_uri_but_never_their_body()
    {
        var request = JwtRequests.Obtain(new Username("alice"), new Secret("hunter2"));
        Assert.Equal("POST token/", request.ToString());
        Assert.DoesNotContain("hunter2", request.ToString(), StringComparison.Ordinal);
    }
}
