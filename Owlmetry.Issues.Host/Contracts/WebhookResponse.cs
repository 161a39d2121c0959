using Owlmetry.Issues.Host.Webhooks;

namespace Owlmetry.Issues.Host.Contracts;

public sealed record WebhookResponse(Guid Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt)
{
    public static WebhookResponse From(Webhook webhook) => new(webhook.Id, webhook.Url, webhook.Events, webhook.CreatedAt);
}
