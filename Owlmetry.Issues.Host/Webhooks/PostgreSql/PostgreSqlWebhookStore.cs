using Npgsql;
using Owlmetry.Issues.Host.Storage.PostgreSql;

namespace Owlmetry.Issues.Host.Webhooks.PostgreSql;

/// <summary>
/// Webhooks and their deliveries in PostgreSQL, beside the directory: a delivery's state is durable once written, so
/// pending deliveries survive a restart and are resumed.
/// </summary>
internal sealed partial class PostgreSqlWebhookStore(HostDatabase database) : IWebhookStore
{
    private const string WebhookColumns = "id, team_id, url, secret, events, created_at";
    private const string DeliveryColumns =
        "id, webhook_id, team_id, notification_id, type, payload, status, attempts, last_status_code, created_at, delivered_at";

    private readonly string _s = database.Schema;

    public Task AddWebhookAsync(Webhook webhook, CancellationToken ct = default) => WriteAsync(
        connection => HostDatabase.ExecuteAsync(
            connection,
            $"INSERT INTO {_s}.wh_webhooks (id, team_id, url, secret, events, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            ct,
            Param.Id(webhook.Id), Param.Id(webhook.TeamId), Param.Text(webhook.Url), Param.Text(webhook.Secret), Param.Texts(webhook.Events),
            Param.Time(webhook.CreatedAt)),
        ct);

    public Task<Webhook?> FindWebhookAsync(Guid webhookId, CancellationToken ct = default) => database.ReadAsync(
        connection => HostDatabase.SingleAsync(connection, $"SELECT {WebhookColumns} FROM {_s}.wh_webhooks WHERE id = $1", ToWebhook, ct, Param.Id(webhookId)),
        ct);

    public Task<IReadOnlyList<Webhook>> ListWebhooksAsync(Guid teamId, CancellationToken ct = default) => database.ReadAsync(
        connection => HostDatabase.ListAsync(
            connection, $"SELECT {WebhookColumns} FROM {_s}.wh_webhooks WHERE team_id = $1 ORDER BY created_at, id", ToWebhook, ct, Param.Id(teamId)),
        ct);

    // The webhook's row goes first: a delivery being saved holds a share lock on it (see SaveDeliveryAsync), so the
    // deletion waits for that save and then removes its delivery too.
    public Task DeleteWebhookAsync(Guid webhookId, CancellationToken ct = default) => WriteAsync(
        async connection =>
        {
            await HostDatabase.ExecuteAsync(connection, $"DELETE FROM {_s}.wh_webhooks WHERE id = $1", ct, Param.Id(webhookId)).ConfigureAwait(false);
            return await HostDatabase.ExecuteAsync(connection, $"DELETE FROM {_s}.wh_deliveries WHERE webhook_id = $1", ct, Param.Id(webhookId)).ConfigureAwait(false);
        },
        ct);

    // A delivery already recorded (the same notification handled again) is kept as it is. Inserted in id order, so
    // that two servers adding overlapping sets wait for each other instead of deadlocking.
    public Task AddDeliveriesAsync(IReadOnlyCollection<WebhookDelivery> deliveries, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        return WriteAsync(
            async connection =>
            {
                foreach (var delivery in deliveries.OrderBy(d => d.Id))
                {
                    await InsertDeliveryAsync(connection, delivery, "ON CONFLICT (id) DO NOTHING", ct).ConfigureAwait(false);
                }

                return deliveries.Count;
            },
            ct);
    }

    // A delivery of a webhook deleted meanwhile is not brought back: the save locks the webhook's row, so it either
    // finds the webhook gone or holds the deletion back until the delivery is committed.
    public Task SaveDeliveryAsync(WebhookDelivery delivery, CancellationToken ct = default) => WriteAsync(
        connection => InsertDeliveryAsync(
            connection,
            delivery,
            $"""
            ON CONFLICT (id) DO UPDATE SET webhook_id = excluded.webhook_id, team_id = excluded.team_id, notification_id = excluded.notification_id,
                type = excluded.type, payload = excluded.payload, status = excluded.status, attempts = excluded.attempts,
                last_status_code = excluded.last_status_code, created_at = excluded.created_at, delivered_at = excluded.delivered_at
            """,
            ct,
            onlyIfWebhookExists: true),
        ct);

    public Task<WebhookDelivery?> FindDeliveryAsync(Guid deliveryId, CancellationToken ct = default) => database.ReadAsync(
        connection => HostDatabase.SingleAsync(connection, $"SELECT {DeliveryColumns} FROM {_s}.wh_deliveries WHERE id = $1", ToDelivery, ct, Param.Id(deliveryId)),
        ct);

    public Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(Guid webhookId, int take, CancellationToken ct = default) => database.ReadAsync(
        connection => HostDatabase.ListAsync(
            connection,
            $"SELECT {DeliveryColumns} FROM {_s}.wh_deliveries WHERE webhook_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
            ToDelivery,
            ct,
            Param.Id(webhookId),
            Param.Int(Math.Max(take, 0))),
        ct);

    public Task<IReadOnlyList<WebhookDelivery>> ListPendingDeliveriesAsync(int take, DateTimeOffset now, CancellationToken ct = default) => database.ReadAsync(
        connection => HostDatabase.ListAsync(
            connection,
            $"""
            SELECT {DeliveryColumns} FROM {_s}.wh_deliveries
            WHERE status = 'Pending' AND (claimed_until IS NULL OR claimed_until <= $2)
            ORDER BY created_at, id LIMIT $1
            """,
            ToDelivery,
            ct,
            Param.Int(Math.Max(take, 0)),
            Param.Time(now)),
        ct);

    public Task<bool> TryClaimDeliveryAsync(Guid deliveryId, Guid claimant, DateTimeOffset until, DateTimeOffset now, CancellationToken ct = default) =>
        database.WriteAsync(
            async connection => await HostDatabase.ExecuteAsync(
                connection,
                $"""
                UPDATE {_s}.wh_deliveries SET claimed_by = $2, claimed_until = $3
                WHERE id = $1 AND status = 'Pending' AND (claimed_by IS NULL OR claimed_by = $2 OR claimed_until <= $4)
                """,
                ct,
                Param.Id(deliveryId), Param.Id(claimant), Param.Time(until), Param.Time(now)).ConfigureAwait(false) == 1,
            _ => null,
            ct);

    private Task<int> InsertDeliveryAsync(NpgsqlConnection connection, WebhookDelivery d, string onConflict, CancellationToken ct, bool onlyIfWebhookExists = false) =>
        HostDatabase.ExecuteAsync(
            connection,
            $"""
            INSERT INTO {_s}.wh_deliveries ({DeliveryColumns})
            SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11
            {(onlyIfWebhookExists ? $"WHERE EXISTS (SELECT 1 FROM {_s}.wh_webhooks WHERE id = $2 FOR SHARE)" : "")}
            {onConflict}
            """,
            ct,
            Param.Id(d.Id), Param.Id(d.WebhookId), Param.Id(d.TeamId), Param.Id(d.NotificationId), Param.Text(d.Type), Param.Text(d.Payload),
            Param.Name(d.Status), Param.Int(d.Attempts), Param.Int(d.LastStatusCode), Param.Time(d.CreatedAt), Param.Time(d.DeliveredAt));

    private Task WriteAsync<T>(Func<NpgsqlConnection, Task<T>> write, CancellationToken ct) => database.WriteAsync(write, _ => null, ct);

    private static Webhook ToWebhook(NpgsqlDataReader r) =>
        new(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetFieldValue<string[]>(4), r.GetFieldValue<DateTimeOffset>(5));

    private static WebhookDelivery ToDelivery(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), r.GetGuid(3), r.GetString(4), r.GetString(5), Enum.Parse<WebhookDeliveryStatus>(r.GetString(6)),
        r.GetInt32(7), r.IsDBNull(8) ? null : r.GetInt32(8), r.GetFieldValue<DateTimeOffset>(9), r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10));
}
