using LanguageExt;

namespace Saltant.Domain;

/// <summary>One page of a list endpoint.</summary>
/// <typeparam name="T">The record type listed.</typeparam>
/// <param name="Count">How many records match in all pages.</param>
/// <param name="Next">The absolute URL of the next page, if any.</param>
/// <param name="Previous">The absolute URL of the previous page, if any.</param>
/// <param name="Results">This page's records, in the server's order.</param>
public sealed record Page<T>(int Count, Option<Uri> Next, Option<Uri> Previous, Seq<T> Results);

/// <summary>
/// The answer of <c>token/</c>: a JWT pair, access first as everywhere in this library
/// (<see cref="Authentication.Jwt(string, string)"/> takes them in the same order).
/// </summary>
/// <param name="Access">The access token.</param>
/// <param name="Refresh">The refresh token.</param>
public sealed record JwtPair(Secret Access, Secret Refresh);

/// <summary>The answer of <c>token/refresh/</c>: a new access token.</summary>
/// <param name="Access">The access token.</param>
public sealed record JwtAccess(Secret Access);

/// <summary>The answer of <c>updatetaskinstancestatus/{uuid}/</c>.</summary>
/// <param name="Uuid">The instance updated.</param>
/// <param name="State">The state now stored.</param>
public sealed record InstanceStateUpdate(InstanceUuid Uuid, TaskState State);
