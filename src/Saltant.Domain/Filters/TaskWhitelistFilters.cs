namespace Saltant.Domain;

/// <summary>The fields the server filters the task whitelist list on.</summary>
public static class TaskWhitelistFilters
{
    /// <summary><c>name</c>.</summary>
    public static TextField<TaskWhitelist> Name { get; } = new("name");

    /// <summary><c>description</c>.</summary>
    public static TextField<TaskWhitelist> Description { get; } = new("description");

    /// <summary><c>user__username</c>: the owner's username.</summary>
    public static TextField<TaskWhitelist> Owner { get; } = new("user__username");
}
