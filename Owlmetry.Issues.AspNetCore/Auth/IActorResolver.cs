using System.Security.Claims;

namespace Owlmetry.Issues.AspNetCore.Auth;

/// <summary>
/// Turns an authenticated principal into the library's <see cref="Actor"/>. An embedding application that
/// authenticates its own way registers its own resolver to map its users to actors.
/// </summary>
public interface IActorResolver
{
    /// <returns>The actor, or null when the principal cannot act here.</returns>
    Task<Actor?> ResolveAsync(ClaimsPrincipal principal, CancellationToken ct = default);
}
