namespace Saltant.Emulator.Tests.Conformance;

/// <summary>
/// The corpus holds two of every three recorded exchanges (the rest is kept aside), so some state it
/// shows was made by exchanges it does not contain. These are those missing steps, inferred from
/// what later answers show (ids, names, owners, fields, creation order); each runs just before the
/// first kept exchange that follows it. <c>RecordedUuid</c> ties a created instance to the UUID the
/// recording gave it, so later requests and answers map onto the emulator's instance.
/// </summary>
public sealed record GapStep(int Before, string AsUser, string Method, string Path, string? JsonBody, string? RecordedUuid = null);

public static class GapFill
{
    public static readonly IReadOnlyList<GapStep> Steps =
    [
        new(55, "alice", "POST", "executabletasktypes/", """{"name":"true-cmd","command_to_run":"true","required_arguments":["x"],"required_arguments_default_values":{"x":0}}"""),
        new(67, "alice", "POST", "containertasktypes/", """{"name":"docker-hello","command_to_run":"/app/run.sh","required_arguments":["name"],"required_arguments_default_values":{"name":"world"},"logs_path":"/logs/","container_image":"busybox:latest","container_type":"docker"}"""),
        new(73, "bob", "POST", "taskwhitelists/", """{"name":"bob-wl","whitelisted_executable_task_types":[1,4]}"""),
        new(82, "alice", "POST", "taskqueues/", """{"name":"alice-private","private":true,"whitelists":[1]}"""),
        new(85, "alice", "POST", "taskqueues/", """{"name":"alice-containers-only","runs_executable_tasks":false,"runs_singularity_container_tasks":false,"whitelists":[1]}"""),
        new(100, "alice", "POST", "executabletaskinstances/", """{"name":"hello-2","task_type":1,"task_queue":1,"arguments":{"greeting":"hi","n":5}}""", "aa31c103-8323-47a2-930c-e7edf5b80cba"),
        new(103, "alice", "POST", "executabletaskinstances/", """{"name":"private-run","task_type":3,"task_queue":2}""", "b3ed9a11-21cb-41cb-8d38-e6876e530a4f"),
        new(118, "bob", "POST", "executabletaskinstances/", """{"name":"jwt-run","task_type":1,"task_queue":7,"arguments":{"greeting":"from a JWT"}}""", "be9de428-2c17-4e46-98da-fedd067c2e82"),
        new(119, "alice", "POST", "executabletaskinstances/", """{"name":"batch-0","task_type":3,"task_queue":1}""", "8c8bf391-70f9-4c91-8255-a89fa2cd6fa9"),
        new(119, "alice", "POST", "executabletaskinstances/", """{"name":"batch-1","task_type":3,"task_queue":1}""", "d2c47c73-b958-4b95-8862-2758c85305f9"),
        new(119, "alice", "POST", "executabletaskinstances/", """{"name":"batch-2","task_type":3,"task_queue":1}""", "6d30282b-e3ce-4352-aa0f-361fb2e47578"),
        new(119, "alice", "POST", "executabletaskinstances/", """{"name":"batch-3","task_type":3,"task_queue":1}""", "dd4b13a3-057c-444b-9d3b-7b4e61a880cf"),
        new(119, "alice", "POST", "executabletaskinstances/", """{"name":"batch-4","task_type":3,"task_queue":1}""", "e4de3ea2-9592-4814-8311-596f4a74ca7c"),
        new(119, "alice", "POST", "executabletaskinstances/", """{"name":"batch-5","task_type":3,"task_queue":1}""", "92278989-87a0-4441-a238-b1eea3890dce"),
        new(121, "alice", "POST", "containertaskinstances/", """{"task_type":2,"task_queue":1,"arguments":{"a":1}}""", "ee4eef26-c6a7-4e22-a685-00e6a89f5c91"),
        new(127, "alice", "POST", "executabletaskinstances/", """{"name":"private-sleeper","task_type":2,"task_queue":2}""", "1377f008-72ff-4fec-acc7-b088597fb584"),
        new(136, "alice", "POST", "executabletaskinstances/5ec6395e-9311-4649-b40a-9b9f06076e0a/clone/", null, "d0b588f9-65dc-4517-96ae-3e55ce42a457"),
        new(142, "alice", "POST", "containertaskinstances/5d5ace88-0f20-4f1c-a046-004f4b1540d3/clone/", null, "3911afe7-bf49-474d-ba95-0b85691c87be"),
        new(145, "alice", "POST", "executabletaskinstances/", """{"name":"status-target","task_type":3,"task_queue":1}""", "f809d78e-3ac6-41b9-a0df-b703c949d48d"),
        new(148, "admin", "PATCH", "updatetaskinstancestatus/f809d78e-3ac6-41b9-a0df-b703c949d48d/", """{"state":"bogus"}"""),
        new(286, "alice", "PATCH", "taskqueues/1/", """{"description":"patched by alice"}"""),
    ];
}
