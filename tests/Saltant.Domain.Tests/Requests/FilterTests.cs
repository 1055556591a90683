using Xunit;
using System.Globalization;
using CsCheck;
using LanguageExt;
using Saltant.Testing;
using static LanguageExt.Prelude;

namespace Saltant.Domain.Tests.Requests;

public class FilterTests
{
    private static ApiRequest Built(Fin<ApiRequest> built) => built.Match(r => r, e => throw new Xunit.Sdk.XunitException(e.Message));

    private static InvalidRequestInput Refused(Fin<ApiRequest> built) =>
        built.Match(r => throw new Xunit.Sdk.XunitException($"built {r}"), e => Assert.IsType<InvalidRequestInput>(e));

    [Fact]
    public void Text_lookups_name_the_parameter_and_keep_the_value()
    {
        RequestGen.FilterText.Sample(v =>
        {
            var f = TaskQueueFilters.Owner;
            Assert.Equal(("user__username", v), (f.Is(v).Name, f.Is(v).Value));
            Assert.Equal(("user__username__contains", v), (f.Contains(v).Name, f.Contains(v).Value));
            Assert.Equal(("user__username__startswith", v), (f.StartsWith(v).Name, f.StartsWith(v).Value));
            Assert.Equal(("user__username__endswith", v), (f.EndsWith(v).Name, f.EndsWith(v).Value));
            Assert.Equal(("user__username__regex", v), (f.Regex(v).Name, f.Regex(v).Value));
            Assert.True(f.Is(v).Problem.IsNone);
        }, iter: 1000);
    }

    [Fact]
    public void Foreign_key_lookups_send_the_ids_as_the_server_parses_them()
    {
        Gen.Select(RequestGen.TaskQueueId, RequestGen.ExecutableTaskTypeId.Array[1, 6]).Sample((queue, types) =>
        {
            var exact = TaskInstanceFilters<Executable>.TaskQueue.Is(queue);
            Assert.Equal(("task_queue", queue.Value.ToString(CultureInfo.InvariantCulture)), (exact.Name, exact.Value));
            var some = TaskInstanceFilters<Executable>.TaskType.In(types);
            Assert.Equal("task_type__in", some.Name);
            Assert.Equal(types.Select(t => t.Value), some.Value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)));
            Assert.True(exact.Problem.IsNone && some.Problem.IsNone);
        }, iter: 1000);
    }

    [Fact]
    public void Boolean_lookups_send_true_or_false()
    {
        Gen.Bool.Sample(value =>
        {
            var filter = TaskQueueFilters.Private.Is(value);
            Assert.Equal(("private", value ? "true" : "false"), (filter.Name, filter.Value));
        }, iter: 10);
    }

    [Fact]
    public void Choice_lookups_send_wire_names_of_the_typed_choices()
    {
        Gen.Select(RequestGen.TaskState.Array[1, 6], RequestGen.ContainerType).Sample((states, containerType) =>
        {
            var some = TaskInstanceFilters<Executable>.State.In(states);
            Assert.Equal("state__in", some.Name);
            Assert.Equal(states.Select(s => s.WireName), some.Value.Split(','));
            var exact = ContainerTaskTypeFilters.ContainerType.Is(containerType);
            Assert.Equal(("container_type", containerType.WireName()), (exact.Name, exact.Value));
        }, iter: 1000);
    }

    [Fact]
    public void In_joins_values_with_commas_and_splitting_gives_them_back()
    {
        RequestGen.FilterText.Array[1, 5].Sample(values =>
        {
            var filter = UserFilters.Email.In(values);
            Assert.Equal("email__in", filter.Name);
            Assert.Equal(values, filter.Value.Split(','));
            Assert.True(filter.Problem.IsNone);
        }, iter: 1000);
    }

    [Fact]
    public void Date_times_are_sent_in_UTC_with_microseconds_and_parse_back_to_the_same_microsecond()
    {
        RequestGen.Instant.Sample(when =>
        {
            var value = TaskInstanceFilters<Executable>.DatetimeCreated.AtOrAfter(when).Value;
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$", value);
            var back = DateTimeOffset.ParseExact(value, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            Assert.Equal(when.UtcTicks / 10 * 10, back.UtcTicks);
        }, iter: 2000);
    }

    [Fact]
    public void Every_date_time_lookup_has_its_suffix()
    {
        var f = TaskInstanceFilters<Executable>.DatetimeFinished;
        var a = new DateTimeOffset(2026, 11, 27, 16, 11, 35, TimeSpan.FromHours(1)).AddTicks(1803414);
        var b = new DateTimeOffset(2027, 1, 2, 3, 4, 5, TimeSpan.Zero);
        Assert.Equal(("datetime_finished", "2026-11-27T15:11:35.180341Z"), (f.Is(a).Name, f.Is(a).Value));
        Assert.Equal(("datetime_finished__year", "2026"), (f.InYear(2026).Name, f.InYear(2026).Value));
        Assert.Equal(("datetime_finished__range", "2026-11-27T15:11:35.180341Z,2027-01-02T03:04:05.000000Z"), (f.Between(a, b).Name, f.Between(a, b).Value));
        Assert.Equal("datetime_finished__lt", f.Before(a).Name);
        Assert.Equal("datetime_finished__lte", f.AtOrBefore(a).Name);
        Assert.Equal("datetime_finished__gt", f.After(a).Name);
        Assert.Equal("datetime_finished__gte", f.AtOrAfter(a).Name);
        Assert.True(f.InYear(0).Problem.IsSome);
        Assert.True(f.InYear(10000).Problem.IsSome);
    }

    [Fact]
    public void Foreign_keys_booleans_and_choices_use_the_wire_forms()
    {
        Assert.Equal(("task_type__in", "2,4"), Pair(TaskInstanceFilters<Executable>.TaskType.In(new TaskTypeId<Executable>(2), new TaskTypeId<Executable>(4))));
        Assert.Equal(("task_queue", "7"), Pair(TaskInstanceFilters<Executable>.TaskQueue.Is(new TaskQueueId(7))));
        Assert.Equal(("private", "true"), Pair(TaskQueueFilters.Private.Is(true)));
        Assert.Equal(("active", "false"), Pair(TaskQueueFilters.Active.Is(false)));
        Assert.Equal(("state", "successful"), Pair(TaskInstanceFilters<Executable>.State.Is(TaskState.SuccessfulState)));
        Assert.Equal(("state__in", "failed,terminated"), Pair(TaskInstanceFilters<Executable>.State.In(TaskState.FailedState, TaskState.TerminatedState)));
        Assert.Equal(("container_type__in", "docker,singularity"), Pair(ContainerTaskTypeFilters.ContainerType.In(ContainerType.Docker, ContainerType.Singularity)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" padded")]
    [InlineData("padded\t")]
    [InlineData("nul\0inside")]
    public void Text_the_server_would_drop_or_alter_makes_the_list_builder_refuse(string value)
    {
        var error = Refused(TaskQueueRequests.List(Seq1(TaskQueueFilters.Description.Contains(value))));
        Assert.Equal("description__contains", error.Parameter);
    }

    [Fact]
    public void An_in_value_holding_a_comma_or_no_values_at_all_cannot_be_sent()
    {
        Assert.Equal("name__in", Refused(TaskWhitelistRequests.List(Seq1(TaskWhitelistFilters.Name.In("a", "b,c")))).Parameter);
        Assert.Equal("task_queue__in", Refused(TaskInstanceRequests.List(Seq1(TaskInstanceFilters<Executable>.TaskQueue.In()))).Parameter);
        Assert.Equal("state__in", Refused(TaskInstanceRequests.List(Seq1(TaskInstanceFilters<Container>.State.In(new TaskState.Unknown("x,y"))))).Parameter);
    }

    [Fact]
    public void Raw_filters_are_sent_unchecked()
    {
        var request = Built(UserRequests.List(Seq(Filter<User>.Raw("username__iregex", " ^A,b "), Filter<User>.Raw("owner", ""))));
        Assert.Equal([("username__iregex", " ^A,b "), ("owner", "")], request.Query.ToList());
    }

    [Fact]
    public void Page_and_page_size_follow_the_filters_and_are_validated()
    {
        Gen.Select(Gen.Int, Gen.Int).Sample((page, size) =>
        {
            var built = TaskQueueRequests.List(Seq1(TaskQueueFilters.Active.Is(true)), page, size);
            if (page >= 1 && size >= 1)
            {
                Assert.Equal(
                    [("active", "true"), ("page", page.ToString(CultureInfo.InvariantCulture)), ("page_size", size.ToString(CultureInfo.InvariantCulture))],
                    Built(built).Query.ToList());
            }
            else
            {
                Assert.Equal(page < 1 ? "page" : "page_size", Refused(built).Parameter);
            }
        }, iter: 2000);
        Assert.Empty(Built(TaskQueueRequests.List()).Query);
    }

    [Fact]
    public void By_name_is_the_list_filtered_on_the_exact_name()
    {
        var request = Built(TaskTypeRequests.ByName<Container>("docker-hello"));
        Assert.Equal("containertasktypes/?name=docker-hello", request.RelativeUri);
        Assert.Equal("name", Refused(TaskQueueRequests.ByName("")).Parameter);
    }

    private static (string, string) Pair<T>(Filter<T> f)
    {
        Assert.True(f.Problem.IsNone);
        return (f.Name, f.Value);
    }
}
