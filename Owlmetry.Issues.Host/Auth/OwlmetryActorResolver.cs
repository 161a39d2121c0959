using System.Security.Claims;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.Host.Directory;

namespace Owlmetry.Issues.Host.Auth;

/// <summary>Builds actors from the Owlmetry scheme's claims; a user's team roles are read fresh from the directory.</summary>
internal sealed class OwlmetryActorResolver(IDirectoryStore directory) : IActorResolver
{
    public async Task<Actor?> ResolveAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (!Guid.TryParse(principal.FindFirstValue(OwlmetryClaims.Subject), out var id))
        {
            return null;
        }

        var name = principal.FindFirstValue(OwlmetryClaims.Name) ?? string.Empty;
        var kind = principal.FindFirstValue(OwlmetryClaims.Kind);
        if (kind == "user")
        {
            var memberships = await directory.ListMembershipsOfUserAsync(id, ct);
            return Actor.User(id, name, memberships.ToDictionary(m => m.TeamId, m => m.Role));
        }

        if (!Guid.TryParse(principal.FindFirstValue(OwlmetryClaims.Team), out var teamId))
        {
            return null;
        }

        return kind switch
        {
            "agent" => Actor.Agent(id, name, teamId, principal.FindAll(OwlmetryClaims.Permission).Select(c => c.Value)),
            "client" => Actor.Client(id, name, teamId, Guid.TryParse(principal.FindFirstValue(OwlmetryClaims.App), out var appId) ? appId : null),
            _ => null,
        };
    }
}
