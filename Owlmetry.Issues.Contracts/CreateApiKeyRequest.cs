namespace Owlmetry.Issues.Contracts;

/// <summary>The body of <c>POST /v1/auth/keys</c>.</summary>
/// <param name="Name">The key's name.</param>
/// <param name="KeyType"><c>client</c> or <c>agent</c>.</param>
/// <param name="TeamId">The team (a UUID); required unless the app names it.</param>
/// <param name="AppId">The app a client key sends for (a UUID; required for a client key). An agent key given one is bound to that app's team and reads and writes the whole team, as the reference's agent keys do.</param>
/// <param name="Permissions">What it may do; the kind's defaults when left out.</param>
/// <param name="ExpiresInDays">Days until it stops working; never when left out.</param>
public sealed record CreateApiKeyRequest(
    string? Name, string? KeyType, string? TeamId = null, string? AppId = null, IReadOnlyList<string?>? Permissions = null, int? ExpiresInDays = null);
