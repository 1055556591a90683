namespace Saltant.Domain;

/// <summary>The fields the server filters the user list on.</summary>
public static class UserFilters
{
    /// <summary><c>username</c>.</summary>
    public static TextField<User> Username { get; } = new("username");

    /// <summary><c>email</c>.</summary>
    public static TextField<User> Email { get; } = new("email");
}
