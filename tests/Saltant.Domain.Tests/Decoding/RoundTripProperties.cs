using CsCheck;
using Saltant.Testing;
using Xunit;

namespace Saltant.Domain.Tests.Decoding;

/// <summary>decode(encode(x)) == x for every record the server serves, and for pages of each.</summary>
public sealed class RoundTripProperties
{
    private static void RoundTrips<T>(Gen<T> gen, Decoder<T> decoder, Encoder<T> encoder, int iterations = 500) =>
        gen.Sample(value => decoder.Decode(encoder.Encode(value)).Match(
            decoded => Assert.Equal(value, decoded),
            failure => Assert.Fail($"{failure} in {encoder.EncodeText(value)}")), iter: iterations);

    // Pages hold up to ten records each, so fewer of them cover as much.
    private static void PagesRoundTrip<T>(Gen<T> gen, Decoder<Page<T>> decoder, Encoder<T> item) =>
        RoundTrips(RecordGen.Page(gen), decoder, Encoders.PageOf(item), iterations: 100);

    [Fact] public void User_round_trips() => RoundTrips(RecordGen.User, Decoders.User, Encoders.User);

    [Fact] public void Task_queue_round_trips() => RoundTrips(RecordGen.TaskQueue, Decoders.TaskQueue, Encoders.TaskQueue);

    [Fact] public void Task_whitelist_round_trips() => RoundTrips(RecordGen.TaskWhitelist, Decoders.TaskWhitelist, Encoders.TaskWhitelist);

    [Fact] public void Container_task_type_round_trips() => RoundTrips(RecordGen.ContainerTaskType, Decoders.ContainerTaskType, Encoders.ContainerTaskType);

    [Fact] public void Executable_task_type_round_trips() => RoundTrips(RecordGen.ExecutableTaskType, Decoders.ExecutableTaskType, Encoders.ExecutableTaskType);

    [Fact] public void Container_task_instance_round_trips() => RoundTrips(RecordGen.ContainerTaskInstance, Decoders.ContainerTaskInstance, Encoders.ContainerTaskInstance);

    [Fact] public void Executable_task_instance_round_trips() => RoundTrips(RecordGen.ExecutableTaskInstance, Decoders.ExecutableTaskInstance, Encoders.ExecutableTaskInstance);

    [Fact] public void Jwt_pair_round_trips() => RoundTrips(RecordGen.JwtPair, Decoders.JwtPair, Encoders.JwtPair);

    [Fact] public void Jwt_access_round_trips() => RoundTrips(RecordGen.JwtAccess, Decoders.JwtAccess, Encoders.JwtAccess);

    [Fact] public void Instance_state_update_round_trips() => RoundTrips(RecordGen.InstanceStateUpdate, Decoders.InstanceStateUpdate, Encoders.InstanceStateUpdate);

    [Fact] public void Pages_of_users_round_trip() => PagesRoundTrip(RecordGen.User, Decoders.UserPage, Encoders.User);

    [Fact] public void Pages_of_queues_round_trip() => PagesRoundTrip(RecordGen.TaskQueue, Decoders.TaskQueuePage, Encoders.TaskQueue);

    [Fact] public void Pages_of_whitelists_round_trip() => PagesRoundTrip(RecordGen.TaskWhitelist, Decoders.TaskWhitelistPage, Encoders.TaskWhitelist);

    [Fact] public void Pages_of_container_types_round_trip() => PagesRoundTrip(RecordGen.ContainerTaskType, Decoders.ContainerTaskTypePage, Encoders.ContainerTaskType);

    [Fact] public void Pages_of_executable_types_round_trip() => PagesRoundTrip(RecordGen.ExecutableTaskType, Decoders.ExecutableTaskTypePage, Encoders.ExecutableTaskType);

    [Fact] public void Pages_of_container_instances_round_trip() => PagesRoundTrip(RecordGen.ContainerTaskInstance, Decoders.ContainerTaskInstancePage, Encoders.ContainerTaskInstance);

    [Fact] public void Pages_of_executable_instances_round_trip() => PagesRoundTrip(RecordGen.ExecutableTaskInstance, Decoders.ExecutableTaskInstancePage, Encoders.ExecutableTaskInstance);

    [Fact]
    public void Encoding_uses_the_servers_field_names_in_its_order()
    {
        var instance = new ExecutableTaskInstance(
            InstanceUuid.Parse("5ec6395e-9311-4649-b40a-9b9f06076e0a").IfNone(default(InstanceUuid)),
            new Username("alice"), "hello-1", TaskState.CreatedState,
            ServerDateTime.Parse("2026-11-27T15:15:18.161372Z").IfNone(default(DateTimeOffset)), null,
            Json.Object(("greeting", Json.Of("hello")), ("n", Json.Of(1))), new TaskQueueId(1), new TaskTypeId<Executable>(1));
        Assert.Equal(
            """{"uuid":"5ec6395e-9311-4649-b40a-9b9f06076e0a","user":"alice","name":"hello-1","state":"created","datetime_created":"2026-11-27T15:15:18.161372Z","datetime_finished":null,"arguments":{"greeting":"hello","n":1},"task_queue":1,"task_type":1}""",
            Encoders.ExecutableTaskInstance.EncodeText(instance));
    }
}
