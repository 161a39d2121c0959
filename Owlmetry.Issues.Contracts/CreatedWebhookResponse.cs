namespace Owlmetry.Issues.Contracts;

/// <summary>A new webhook with its signing secret, which is shown only this once.</summary>
/// <param name="Webhook">The webhook.</param>
/// <param name="Secret">The secret its deliveries are signed with.</param>
public sealed record CreatedWebhookResponse(WebhookResponse Webhook, string Secret);
