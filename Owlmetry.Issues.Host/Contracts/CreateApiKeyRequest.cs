namespace Owlmetry.Issues.Host.Contracts;

public sealed record CreateApiKeyRequest(
    string? Name, string? KeyType, string? TeamId = null, string? AppId = null, IReadOnlyList<string?>? Permissions = null, int? ExpiresInDays = null);
