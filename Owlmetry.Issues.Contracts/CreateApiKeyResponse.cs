namespace Owlmetry.Issues.Contracts;

/// <summary>The answer of a key creation.</summary>
/// <param name="ApiKey">The new key, with its secret shown this once.</param>
public sealed record CreateApiKeyResponse(CreatedApiKeyResponse ApiKey);
