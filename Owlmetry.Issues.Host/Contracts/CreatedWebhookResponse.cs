namespace Owlmetry.Issues.Host.Contracts;

public sealed record CreatedWebhookResponse(WebhookResponse Webhook, string Secret);
