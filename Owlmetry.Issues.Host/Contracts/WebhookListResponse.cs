namespace Owlmetry.Issues.Host.Contracts;

public sealed record WebhookListResponse(IReadOnlyList<WebhookResponse> Webhooks);
