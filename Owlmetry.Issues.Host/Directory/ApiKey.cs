namespace Owlmetry.Issues.Host.Directory;

/// <summary>An API key; only the SHA-256 of its secret is stored.</summary>
public sealed record ApiKey(
    Guid Id,
    string Name,
    ApiKeyType KeyType,
    string SecretHash,
    Guid TeamId,
    Guid? AppId,
    IReadOnlyList<string> Permissions,
    Guid? CreatedByUserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt = null);
