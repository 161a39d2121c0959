using System.Security.Claims;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.AspNetCore.Auth;

namespace Owlmetry.Issues.Tests.Embedding;

/// <summary>The embedding application's mapping from its own users to Owlmetry actors: its tenants are the teams.</summary>
internal sealed class ShopActorResolver(ShopTenants tenants) : IActorResolver
{
    public Task<Actor?> ResolveAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var name = principal.FindFirstValue(ClaimTypes.Name);
        return Task.FromResult(name is not null && tenants.Users.TryGetValue(name, out var user)
            ? Actor.User(user.Id, name, new Dictionary<Guid, TeamRole> { [user.TenantId] = user.Role })
            : null);
    }
}
