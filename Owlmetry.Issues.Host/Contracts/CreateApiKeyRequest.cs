namespace Owlmetry.Issues.Host.Contracts;

public sealed record CreateApiKeyRequest(
    string? Name, string? KeyType, string? TeamId, string? AppId, IReadOnlyList<string?>? Permissions, int? ExpiresInDays);
