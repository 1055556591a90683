using System.Text.Json;
using Xunit;

namespace Saltant.Domain.Tests.Decoding;

/// <summary>
/// The task-type wire shapes, field by field: encoded in the server's order, and every member
/// required and null-checked as declared, the fields both kinds share as much as their own.
/// </summary>
public sealed class TaskTypeWireTests
{
    private const string Executable =
        """{"id":1,"user":"a","name":"t","description":"","datetime_created":"2026-11-27T15:15:15Z","command_to_run":"c","environment_variables":[],"required_arguments":[],"required_arguments_default_values":{},"json_file_option":null}""";

    private const string Container =
        """{"id":1,"user":"a","name":"t","description":"","datetime_created":"2026-11-27T15:15:15Z","command_to_run":"c","environment_variables":[],"required_arguments":[],"required_arguments_default_values":{},"logs_path":null,"results_path":null,"container_image":"i","container_type":"docker"}""";

    private static readonly string[] Shared =
        ["id", "user", "name", "description", "datetime_created", "command_to_run", "environment_variables", "required_arguments", "required_arguments_default_values"];

    public static TheoryData<string> SharedMembers => [.. Shared];

    [Fact]
    public void An_executable_type_encodes_in_the_servers_field_order()
    {
        var type = Decoders.ExecutableTaskType.Decode(Executable).IfLeft(f => throw new Xunit.Sdk.XunitException(f.ToString()));
        Assert.Equal([.. Shared, "json_file_option"], Names(Encoders.ExecutableTaskType.EncodeText(type)));
    }

    [Fact]
    public void A_container_type_encodes_in_the_servers_field_order()
    {
        var type = Decoders.ContainerTaskType.Decode(Container).IfLeft(f => throw new Xunit.Sdk.XunitException(f.ToString()));
        Assert.Equal([.. Shared, "logs_path", "results_path", "container_image", "container_type"], Names(Encoders.ContainerTaskType.EncodeText(type)));
    }

    [Theory]
    [MemberData(nameof(SharedMembers))]
    public void A_missing_shared_member_is_refused_for_both_kinds(string member)
    {
        Assert.True(Decoders.ExecutableTaskType.Decode(Without(Executable, member)).IsLeft);
        Assert.True(Decoders.ContainerTaskType.Decode(Without(Container, member)).IsLeft);
    }

    [Theory]
    [InlineData("json_file_option")]
    public void A_missing_executable_member_is_refused(string member) =>
        Assert.True(Decoders.ExecutableTaskType.Decode(Without(Executable, member)).IsLeft);

    [Theory]
    [InlineData("logs_path")]
    [InlineData("results_path")]
    [InlineData("container_image")]
    [InlineData("container_type")]
    public void A_missing_container_member_is_refused(string member) =>
        Assert.True(Decoders.ContainerTaskType.Decode(Without(Container, member)).IsLeft);

    [Theory]
    [InlineData("user")]
    [InlineData("name")]
    [InlineData("description")]
    [InlineData("command_to_run")]
    [InlineData("environment_variables")]
    [InlineData("required_arguments")]
    [InlineData("required_arguments_default_values")]
    public void A_null_shared_member_is_refused_for_both_kinds(string member)
    {
        Assert.Equal("$." + member, Failure(Decoders.ExecutableTaskType, Nulled(Executable, member)).Path);
        Assert.Equal("$." + member, Failure(Decoders.ContainerTaskType, Nulled(Container, member)).Path);
    }

    [Theory]
    [InlineData("environment_variables")]
    [InlineData("required_arguments")]
    public void A_null_inside_a_shared_list_is_refused_with_its_index_for_both_kinds(string member)
    {
        var executable = Executable.Replace($"\"{member}\":[]", $"\"{member}\":[\"A\",null]", StringComparison.Ordinal);
        var container = Container.Replace($"\"{member}\":[]", $"\"{member}\":[\"A\",null]", StringComparison.Ordinal);
        Assert.Equal($"$.{member}[1]", Failure(Decoders.ExecutableTaskType, executable).Path);
        Assert.Equal($"$.{member}[1]", Failure(Decoders.ContainerTaskType, container).Path);
    }

    [Fact]
    public void A_null_container_image_is_refused() =>
        Assert.Equal("$.container_image", Failure(Decoders.ContainerTaskType, Nulled(Container, "container_image")).Path);

    private static DecodeFailure Failure<T>(Decoder<T> decoder, string json) =>
        decoder.Decode(json).Match(value => throw new Xunit.Sdk.XunitException($"decoded {value}"), f => f);

    private static string[] Names(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => p.Name)];
    }

    private static string Rewrite(string json, Action<Utf8JsonWriter, JsonProperty> write)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                write(writer, property);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Without(string json, string member) =>
        Rewrite(json, (writer, p) =>
        {
            if (p.Name != member) p.WriteTo(writer);
        });

    private static string Nulled(string json, string member) =>
        Rewrite(json, (writer, p) =>
        {
            if (p.Name == member) writer.WriteNull(p.Name);
            else p.WriteTo(writer);
        });
}
