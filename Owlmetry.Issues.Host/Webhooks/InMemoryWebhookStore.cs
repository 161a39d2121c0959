namespace Owlmetry.Issues.Host.Webhooks;

/// <summary>A thread-safe in-memory webhook store, used when the issues are in memory too.</summary>
public sealed class InMemoryWebhookStore : IWebhookStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Webhook> _webhooks = [];
    private readonly Dictionary<Guid, WebhookDelivery> _deliveries = [];
    private readonly Dictionary<Guid, (Guid Claimant, DateTimeOffset Until)> _claims = [];

    public Task AddWebhookAsync(Webhook webhook, CancellationToken ct = default) => Locked(() => _webhooks.Add(webhook.Id, webhook));

    public Task<Webhook?> FindWebhookAsync(Guid webhookId, CancellationToken ct = default) => Locked(() => _webhooks.GetValueOrDefault(webhookId));

    public Task<IReadOnlyList<Webhook>> ListWebhooksAsync(Guid teamId, CancellationToken ct = default) =>
        Locked<IReadOnlyList<Webhook>>(() => _webhooks.Values.Where(w => w.TeamId == teamId).OrderBy(w => w.CreatedAt).ThenBy(w => w.Id).ToList());

    public Task DeleteWebhookAsync(Guid webhookId, CancellationToken ct = default) => Locked(() =>
    {
        _webhooks.Remove(webhookId);
        foreach (var delivery in _deliveries.Values.Where(d => d.WebhookId == webhookId).ToList())
        {
            _deliveries.Remove(delivery.Id);
            _claims.Remove(delivery.Id);
        }
    });

    public Task AddDeliveriesAsync(IReadOnlyCollection<WebhookDelivery> deliveries, CancellationToken ct = default) => Locked(() =>
    {
        foreach (var delivery in deliveries)
        {
            _deliveries.TryAdd(delivery.Id, delivery);
        }
    });

    public Task SaveDeliveryAsync(WebhookDelivery delivery, CancellationToken ct = default) => Locked(() =>
    {
        if (_webhooks.ContainsKey(delivery.WebhookId))
        {
            _deliveries[delivery.Id] = delivery;
        }
    });

    public Task<WebhookDelivery?> FindDeliveryAsync(Guid deliveryId, CancellationToken ct = default) => Locked(() => _deliveries.GetValueOrDefault(deliveryId));

    public Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(Guid webhookId, int take, CancellationToken ct = default) =>
        Locked<IReadOnlyList<WebhookDelivery>>(() => _deliveries.Values.Where(d => d.WebhookId == webhookId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(take).ToList());

    public Task<IReadOnlyList<WebhookDelivery>> ListPendingDeliveriesAsync(int take, DateTimeOffset now, CancellationToken ct = default) =>
        Locked<IReadOnlyList<WebhookDelivery>>(() => _deliveries.Values
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && !(_claims.TryGetValue(d.Id, out var claim) && claim.Until > now))
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).Take(take).ToList());

    public Task<bool> TryClaimDeliveryAsync(Guid deliveryId, Guid claimant, DateTimeOffset until, DateTimeOffset now, CancellationToken ct = default) =>
        Locked(() =>
        {
            if (_deliveries.GetValueOrDefault(deliveryId)?.Status != WebhookDeliveryStatus.Pending
                || (_claims.TryGetValue(deliveryId, out var claim) && claim.Claimant != claimant && claim.Until > now))
            {
                return false;
            }

            _claims[deliveryId] = (claimant, until);
            return true;
        });

    private Task Locked(Action action)
    {
        lock (_gate)
        {
            action();
        }

        return Task.CompletedTask;
    }

    private Task<T> Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return Task.FromResult(read());
        }
    }
}
