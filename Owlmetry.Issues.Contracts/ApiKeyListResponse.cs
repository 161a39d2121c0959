namespace Owlmetry.Issues.Contracts;

/// <summary>The API keys the caller may see.</summary>
/// <param name="ApiKeys">The keys, without their secrets.</param>
public sealed record ApiKeyListResponse(IReadOnlyList<ApiKeyResponse> ApiKeys);
