using Owlmetry.Issues.Access;

namespace Owlmetry.Issues.Tests.Embedding;

/// <summary>The embedding application's own user store.</summary>
internal sealed class ShopTenants
{
    public Dictionary<string, (Guid Id, Guid TenantId, TeamRole Role)> Users { get; } = [];
}
