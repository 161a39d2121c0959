using Owlmetry.Issues.Host.Storage.PostgreSql;

namespace Owlmetry.Issues.Host.Webhooks.PostgreSql;

internal sealed partial class PostgreSqlWebhookStore : IWebhookStoreExport
{
    public Task<IReadOnlyList<Webhook>> ExportWebhooksAsync(CancellationToken ct = default) => database.ReadAsync(
        connection => HostDatabase.ListAsync(connection, $"SELECT {WebhookColumns} FROM {_s}.wh_webhooks ORDER BY id", ToWebhook, ct), ct);

    public Task<IReadOnlyList<WebhookDelivery>> ExportDeliveriesAsync(Guid? after, int take, CancellationToken ct = default) => database.ReadAsync(
        connection => HostDatabase.ListAsync(
            connection,
            $"SELECT {DeliveryColumns} FROM {_s}.wh_deliveries WHERE $1::uuid IS NULL OR id > $1 ORDER BY id LIMIT $2",
            ToDelivery,
            ct,
            Param.Id(after),
            Param.Int(Math.Max(take, 0))),
        ct);
}
