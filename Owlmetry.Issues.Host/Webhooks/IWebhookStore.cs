namespace Owlmetry.Issues.Host.Webhooks;

/// <summary>The teams' webhooks and their deliveries, in the same storage as the issues.</summary>
public interface IWebhookStore
{
    Task AddWebhookAsync(Webhook webhook, CancellationToken ct = default);

    Task<Webhook?> FindWebhookAsync(Guid webhookId, CancellationToken ct = default);

    /// <summary>The team's webhooks, oldest first.</summary>
    Task<IReadOnlyList<Webhook>> ListWebhooksAsync(Guid teamId, CancellationToken ct = default);

    /// <summary>Removes the webhook and its deliveries in one step.</summary>
    Task DeleteWebhookAsync(Guid webhookId, CancellationToken ct = default);

    /// <summary>Adds the deliveries whose id is not stored yet, all in one step; existing ones are left as they are.</summary>
    Task AddDeliveriesAsync(IReadOnlyCollection<WebhookDelivery> deliveries, CancellationToken ct = default);

    /// <summary>Replaces a delivery (matched by id); does nothing when its webhook was deleted meanwhile.</summary>
    Task SaveDeliveryAsync(WebhookDelivery delivery, CancellationToken ct = default);

    Task<WebhookDelivery?> FindDeliveryAsync(Guid deliveryId, CancellationToken ct = default);

    /// <summary>Up to <paramref name="take"/> deliveries of the webhook, newest first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(Guid webhookId, int take, CancellationToken ct = default);

    /// <summary>
    /// Up to <paramref name="take"/> pending deliveries of every webhook that no sender holds a claim on at
    /// <paramref name="now"/>, oldest first: deliveries being sent or waiting for their next retry do not hide the rest.
    /// </summary>
    Task<IReadOnlyList<WebhookDelivery>> ListPendingDeliveriesAsync(int take, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>
    /// Claims a pending delivery for <paramref name="claimant"/> until <paramref name="until"/>: while the claim lasts,
    /// only that sender, among every server sharing the store, may send it. A claim expired at <paramref name="now"/>
    /// (its sender died) can be taken by another; a claimant may renew its own, or give it up by claiming it until
    /// <paramref name="now"/>. Saving the delivery keeps its claim.
    /// </summary>
    /// <returns>Whether the claim is now <paramref name="claimant"/>'s: false for an unknown or settled delivery, or one another claimant holds.</returns>
    Task<bool> TryClaimDeliveryAsync(Guid deliveryId, Guid claimant, DateTimeOffset until, DateTimeOffset now, CancellationToken ct = default);
}
