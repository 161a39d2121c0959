namespace Owlmetry.Issues.Host.Contracts;

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
