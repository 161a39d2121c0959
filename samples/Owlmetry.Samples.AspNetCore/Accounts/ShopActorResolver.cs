using System.Security.Claims;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.AspNetCore.Auth;

namespace Owlmetry.Samples.AspNetCore.Accounts;

#region ShopActorResolver
// The seam between the shop's users and the issue library: a user acts in their tenant's team, with the team role of
// their shop role. The library authorizes every call of the Issues API from this actor.
public sealed class ShopActorResolver(ShopAccounts accounts) : IActorResolver
{
    public Task<Actor?> ResolveAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || accounts.FindById(userId) is not { } user)
        {
            return Task.FromResult<Actor?>(null);   // no such user (any more): answered 401
        }

        var role = user.Role switch
        {
            ShopRole.Owner => TeamRole.Owner,
            ShopRole.Manager => TeamRole.Admin,    // also deletes others' comments
            _ => TeamRole.Member,                  // reads, triages and comments
        };
        return Task.FromResult<Actor?>(Actor.User(user.Id, user.Name, new Dictionary<Guid, TeamRole> { [user.TenantId] = role }));
    }
}
#endregion
