namespace Owlmetry.Issues.Host.Webhooks;

/// <summary>Every webhook and delivery of a webhook store, for copying it to another provider and checking the copy.</summary>
internal interface IWebhookStoreExport
{
    /// <returns>Every webhook, in id order.</returns>
    Task<IReadOnlyList<Webhook>> ExportWebhooksAsync(CancellationToken ct = default);

    /// <returns>Up to <paramref name="take"/> deliveries, settled ones included, in id order, strictly after <paramref name="after"/> when given.</returns>
    Task<IReadOnlyList<WebhookDelivery>> ExportDeliveriesAsync(Guid? after, int take, CancellationToken ct = default);
}
