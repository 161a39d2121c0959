using System.Security.Cryptography;
using System.Text;

namespace Owlmetry.Samples.AspNetCore.Accounts;

// A tenant of the shop: one storefront, which is one team, one project and one app in the issue library.
public sealed record ShopTenant(Guid Id, string Name, Guid ProjectId, Guid AppId);

public enum ShopRole
{
    Clerk,
    Manager,
    Owner,
}

public sealed record ShopUser(Guid Id, string Name, Guid TenantId, ShopRole Role);

// The shop's own user store. A real shop keeps it in its database; this one has two tenants and three users with
// fixed ids and demo API keys, so the sample can be called with curl.
public sealed class ShopAccounts
{
    public static readonly ShopTenant Acme = new(
        new("a1c0e000-0000-4000-8000-000000000001"), "Acme Outdoor",
        ProjectId: new("a1c0e000-0000-4000-8000-000000000002"), AppId: new("a1c0e000-0000-4000-8000-000000000003"));

    public static readonly ShopTenant Globex = new(
        new("610be000-0000-4000-8000-000000000001"), "Globex Garden",
        ProjectId: new("610be000-0000-4000-8000-000000000002"), AppId: new("610be000-0000-4000-8000-000000000003"));

    // Demo keys: a real shop issues random keys and stores only their hashes, as this store does.
    public const string JaneKey = "acme-jane-demo-key";
    public const string SamKey = "acme-sam-demo-key";
    public const string MalloryKey = "globex-mallory-demo-key";

    private readonly Dictionary<string, ShopUser> _usersByKeyHash = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, ShopUser> _usersById = [];

    public ShopAccounts()
    {
        Add(JaneKey, new ShopUser(new("a1c0e000-0000-4000-8000-0000000000a1"), "Jane", Acme.Id, ShopRole.Manager));
        Add(SamKey, new ShopUser(new("a1c0e000-0000-4000-8000-0000000000a2"), "Sam", Acme.Id, ShopRole.Clerk));
        Add(MalloryKey, new ShopUser(new("610be000-0000-4000-8000-0000000000b1"), "Mallory", Globex.Id, ShopRole.Owner));
    }

    public IReadOnlyList<ShopTenant> Tenants { get; } = [Acme, Globex];

    public ShopUser? FindByApiKey(string apiKey) => _usersByKeyHash.GetValueOrDefault(Hash(apiKey));

    public ShopUser? FindById(Guid userId) => _usersById.GetValueOrDefault(userId);

    public ShopTenant? FindTenant(Guid tenantId) => Tenants.FirstOrDefault(t => t.Id == tenantId);

    private void Add(string apiKey, ShopUser user)
    {
        _usersByKeyHash[Hash(apiKey)] = user;
        _usersById[user.Id] = user;
    }

    private static string Hash(string apiKey) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
}
