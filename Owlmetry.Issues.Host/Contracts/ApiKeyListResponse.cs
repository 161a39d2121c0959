namespace Owlmetry.Issues.Host.Contracts;

public sealed record ApiKeyListResponse(IReadOnlyList<ApiKeyResponse> ApiKeys);
