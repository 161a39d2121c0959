namespace Owlmetry.Issues.Contracts;

/// <summary>A team's webhooks.</summary>
/// <param name="Webhooks">The webhooks.</param>
public sealed record WebhookListResponse(IReadOnlyList<WebhookResponse> Webhooks);
