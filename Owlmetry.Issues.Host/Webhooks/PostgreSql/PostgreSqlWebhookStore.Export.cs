using Owlmetry.Issues.Host.Storage.PostgreSql;

namespace Owlmetry.Issues.Host.Webhooks.PostgreSql;

internal sealed partial class PostgreSqlWebhookStore : IWebhookStoreExport
{
    public Task<IReadOnlyList<Webhook>> ExportWebhooksAsync(CancellationToken ct = default) => database.ReadAsync(
        connection => HostDatabase.ListAsync(connection, $"SELECT {WebhookColumns} FROM {_s}.wh_webhooks ORDER BY id", ToWebhook, ct), ct);

    public Task<IReadOnlyList<WebhookDelivery>> ExportDeliveriesAsync(Guid? after, int take, CancellationToken ct = default) => database.ReadAsync(
        connection => HostDatabase.ListAsync(
            connection,
            $"SELECT {DeliveryColumns} FROM {_s}.wh_deliveries {(after is null ? "" : "WHERE id > $2 ")}ORDER BY id LIMIT $1",
            ToDelivery,
            ct,
            [Param.Int(Math.Max(take, 0)), .. after is { } id ? [Param.Id(id)] : Array.Empty<Npgsql.NpgsqlParameter>()]),
        ct);
}
