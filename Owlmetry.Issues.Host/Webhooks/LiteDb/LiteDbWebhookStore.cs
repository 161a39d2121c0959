using LiteDB;
using Owlmetry.Issues.Storage.LiteDb;

namespace Owlmetry.Issues.Host.Webhooks.LiteDb;

/// <summary>
/// Webhooks and deliveries in the issue store's own LiteDB file and units of work, like the directory: a delivery's
/// state is durable once written, so pending deliveries survive a restart and are resumed.
/// </summary>
internal sealed partial class LiteDbWebhookStore : IWebhookStore
{
    private const string Webhooks = "wh_webhooks";
    private const string Deliveries = "wh_deliveries";

    private readonly LiteDbIssueStore _store;
    private readonly Lazy<Task> _indexes;

    public LiteDbWebhookStore(LiteDbIssueStore store)
    {
        _store = store;
        _indexes = new Lazy<Task>(() => _store.WriteDatabaseAsync(db =>
        {
            db.GetCollection<WebhookDocument>(Webhooks).EnsureIndex(w => w.TeamId);
            db.GetCollection<WebhookDeliveryDocument>(Deliveries).EnsureIndex(d => d.WebhookId);
            db.GetCollection<WebhookDeliveryDocument>(Deliveries).EnsureIndex(d => d.Status);
            return true;
        }));
    }

    public Task AddWebhookAsync(Webhook webhook, CancellationToken ct = default) =>
        WriteAsync(db => db.GetCollection<WebhookDocument>(Webhooks).Insert(WebhookDocument.From(webhook)), ct);

    public Task<Webhook?> FindWebhookAsync(Guid webhookId, CancellationToken ct = default) =>
        ReadAsync(db => db.GetCollection<WebhookDocument>(Webhooks).FindById(webhookId)?.ToWebhook(), ct);

    public Task<IReadOnlyList<Webhook>> ListWebhooksAsync(Guid teamId, CancellationToken ct = default) => ReadAsync<IReadOnlyList<Webhook>>(
        db => db.GetCollection<WebhookDocument>(Webhooks).Find(w => w.TeamId == teamId).Select(w => w.ToWebhook()).OrderBy(w => w.CreatedAt).ThenBy(w => w.Id).ToList(),
        ct);

    public Task DeleteWebhookAsync(Guid webhookId, CancellationToken ct = default) => WriteAsync(
        db =>
        {
            db.GetCollection<WebhookDocument>(Webhooks).Delete(webhookId);
            return db.GetCollection<WebhookDeliveryDocument>(Deliveries).DeleteMany(d => d.WebhookId == webhookId);
        },
        ct);

    public Task AddDeliveriesAsync(IReadOnlyCollection<WebhookDelivery> deliveries, CancellationToken ct = default) => WriteAsync(
        db =>
        {
            var collection = db.GetCollection<WebhookDeliveryDocument>(Deliveries);
            return deliveries.Count(d => collection.FindById(d.Id) is null && collection.Insert(WebhookDeliveryDocument.From(d)) is not null);
        },
        ct);

    public Task SaveDeliveryAsync(WebhookDelivery delivery, CancellationToken ct = default) => WriteAsync(
        db =>
        {
            if (db.GetCollection<WebhookDocument>(Webhooks).FindById(delivery.WebhookId) is null)
            {
                return false;
            }

            var deliveries = db.GetCollection<WebhookDeliveryDocument>(Deliveries);
            var stored = deliveries.FindById(delivery.Id);
            var document = WebhookDeliveryDocument.From(delivery);
            (document.ClaimedBy, document.ClaimedUntil) = (stored?.ClaimedBy, stored?.ClaimedUntil);
            return deliveries.Upsert(document);
        },
        ct);

    public Task<WebhookDelivery?> FindDeliveryAsync(Guid deliveryId, CancellationToken ct = default) =>
        ReadAsync(db => db.GetCollection<WebhookDeliveryDocument>(Deliveries).FindById(deliveryId)?.ToDelivery(), ct);

    public Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(Guid webhookId, int take, CancellationToken ct = default) => ReadAsync<IReadOnlyList<WebhookDelivery>>(
        db => db.GetCollection<WebhookDeliveryDocument>(Deliveries).Find(d => d.WebhookId == webhookId).Select(d => d.ToDelivery())
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(take).ToList(),
        ct);

    public Task<IReadOnlyList<WebhookDelivery>> ListPendingDeliveriesAsync(int take, DateTimeOffset now, CancellationToken ct = default)
    {
        var pending = nameof(WebhookDeliveryStatus.Pending);
        var at = now.ToUnixTimeMilliseconds();
        return ReadAsync<IReadOnlyList<WebhookDelivery>>(
            db => db.GetCollection<WebhookDeliveryDocument>(Deliveries).Find(d => d.Status == pending)
                .Where(d => d.ClaimedUntil is not { } until || until <= at)
                .Select(d => d.ToDelivery())
                .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).Take(take).ToList(),
            ct);
    }

    public async Task<bool> TryClaimDeliveryAsync(Guid deliveryId, Guid claimant, DateTimeOffset until, DateTimeOffset now, CancellationToken ct = default)
    {
        await _indexes.Value;
        return await _store.WriteDatabaseAsync(
            db =>
            {
                var deliveries = db.GetCollection<WebhookDeliveryDocument>(Deliveries);
                if (deliveries.FindById(deliveryId) is not { } document
                    || document.Status != nameof(WebhookDeliveryStatus.Pending)
                    || (document.ClaimedBy is { } holder && holder != claimant && document.ClaimedUntil > now.ToUnixTimeMilliseconds()))
                {
                    return false;
                }

                (document.ClaimedBy, document.ClaimedUntil) = (claimant, until.ToUnixTimeMilliseconds());
                return deliveries.Update(document);
            },
            ct);
    }

    private async Task<T> ReadAsync<T>(Func<ILiteDatabase, T> read, CancellationToken ct)
    {
        await _indexes.Value;
        return await _store.ReadDatabaseAsync(read, ct);
    }

    private async Task WriteAsync<T>(Func<ILiteDatabase, T> write, CancellationToken ct)
    {
        await _indexes.Value;
        await _store.WriteDatabaseAsync(write, ct);
    }
}
