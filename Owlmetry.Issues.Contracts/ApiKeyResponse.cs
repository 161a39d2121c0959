namespace Owlmetry.Issues.Contracts;

/// <summary>An API key without its secret.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="KeyType"><c>client</c> or <c>agent</c>.</param>
/// <param name="TeamId">Its team.</param>
/// <param name="AppId">The app a client key sends for; for an agent key, the app it was created with, if any (it names the key's team: an agent key reads and writes the whole team).</param>
/// <param name="Permissions">What it may do, e.g. <c>issues:read</c>.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ExpiresAt">When it stops working; null if never.</param>
public sealed record ApiKeyResponse(
    Guid Id, string Name, string KeyType, Guid TeamId, Guid? AppId, IReadOnlyList<string> Permissions, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);
