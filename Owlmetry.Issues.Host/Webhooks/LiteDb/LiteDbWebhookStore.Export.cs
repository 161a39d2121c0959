using LiteDB;

namespace Owlmetry.Issues.Host.Webhooks.LiteDb;

internal sealed partial class LiteDbWebhookStore : IWebhookStoreExport
{
    public Task<IReadOnlyList<Webhook>> ExportWebhooksAsync(CancellationToken ct = default) => ReadAsync<IReadOnlyList<Webhook>>(
        db => db.GetCollection<WebhookDocument>(Webhooks).FindAll().Select(w => w.ToWebhook()).ToList(), ct);

    public Task<IReadOnlyList<WebhookDelivery>> ExportDeliveriesAsync(Guid? after, int take, CancellationToken ct = default) => ReadAsync<IReadOnlyList<WebhookDelivery>>(
        db =>
        {
            var query = db.GetCollection<WebhookDeliveryDocument>(Deliveries).Query();
            if (after is { } id)
            {
                query = query.Where(BsonExpression.Create("$._id > @0", new BsonValue(id)));
            }

            return query.OrderBy(BsonExpression.Create("$._id")).Limit(Math.Max(take, 0)).ToEnumerable().Select(d => d.ToDelivery()).ToList();
        },
        ct);
}
