namespace Owlmetry.Issues.Host.Contracts;

public sealed record CreateApiKeyResponse(CreatedApiKeyResponse ApiKey);
