namespace Saltant.Domain;

/// <summary>A saltant user as <c>users/</c> serves it.</summary>
/// <param name="Username">The username, the key of <c>users/{username}/</c>.</param>
/// <param name="Email">The email address (may be empty).</param>
public sealed record User(Username Username, string Email);
