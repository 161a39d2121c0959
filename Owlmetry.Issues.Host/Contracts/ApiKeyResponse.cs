namespace Owlmetry.Issues.Host.Contracts;

public sealed record ApiKeyResponse(
    Guid Id, string Name, string KeyType, Guid TeamId, Guid? AppId, IReadOnlyList<string> Permissions, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);
