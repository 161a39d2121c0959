namespace Owlmetry.Issues.Contracts;

/// <summary>A new API key with its secret, which is shown only this once.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="KeyType"><c>client</c> or <c>agent</c>.</param>
/// <param name="TeamId">Its team.</param>
/// <param name="AppId">The app a client key sends for; for an agent key, the app it was created with, if any (it names the key's team: an agent key reads and writes the whole team).</param>
/// <param name="Permissions">What it may do.</param>
/// <param name="Secret">The key itself, to send as a bearer token.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ExpiresAt">When it stops working; null if never.</param>
public sealed record CreatedApiKeyResponse(
    Guid Id,
    string Name,
    string KeyType,
    Guid TeamId,
    Guid? AppId,
    IReadOnlyList<string> Permissions,
    string Secret,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt);
