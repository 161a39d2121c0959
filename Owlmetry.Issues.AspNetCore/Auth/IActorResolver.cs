using System.Security.Claims;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Projects;

namespace Owlmetry.Issues.AspNetCore.Auth;

/// <summary>
/// The authentication seam of the Issues API: turns the principal the host's own authentication scheme produced
/// into the library's <see cref="Actor"/> (a user with their teams and roles, an agent key with its permissions, or
/// a client key bound to one app). The library makes every authorization decision from that actor; projects and
/// apps are resolved to teams through the library's <see cref="IIssueDirectory"/>.
/// </summary>
/// <remarks>
/// Register one implementation (<c>services.AddSingleton&lt;IActorResolver, MyResolver&gt;()</c>) and name the
/// host's scheme in <see cref="OwlmetryIssuesApiOptions.AuthenticationScheme"/>.
/// </remarks>
public interface IActorResolver
{
    /// <summary>The actor of an authenticated principal.</summary>
    /// <param name="principal">The principal of the API's authentication scheme.</param>
    /// <param name="ct">Cancels the lookup (the request was aborted).</param>
    /// <returns>The actor, or null when the principal cannot act here (answered 401).</returns>
    Task<Actor?> ResolveAsync(ClaimsPrincipal principal, CancellationToken ct = default);
}
