using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

internal sealed partial class PostgreSqlIssueStoreWriter
{
    public async ValueTask AddNotificationAsync(OutboxNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        await Unit.ExecuteAsync(
            $"INSERT INTO notifications ({NotificationRows.Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", NotificationRows.Values(notification))
            .ConfigureAwait(false);
    }

    public async ValueTask UpdateNotificationAsync(OutboxNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var updated = await Unit.ExecuteAsync(
            $"UPDATE notifications SET ({NotificationRows.Columns}) = ($1, $2, $3, $4, $5, $6, $7, $8, $9) WHERE id = $1",
            NotificationRows.Values(notification)).ConfigureAwait(false);
        if (updated == 0)
        {
            throw new InvalidOperationException($"Notification {notification.Id} does not exist.");
        }
    }

    public async ValueTask<int> DeleteNotificationsSettledBeforeAsync(DateTimeOffset cutoff) =>
        await Unit.ExecuteAsync("DELETE FROM notifications WHERE status <> 'Pending' AND created_at < $1", Param.Time(cutoff)).ConfigureAwait(false);

    public async ValueTask SetLastDigestAtAsync(Guid projectId, DateTimeOffset at) =>
        await Unit.ExecuteAsync(
            "INSERT INTO digest_state (project_id, last_digest_at) VALUES ($1, $2) ON CONFLICT (project_id) DO UPDATE SET last_digest_at = excluded.last_digest_at",
            Param.Id(projectId),
            Param.Time(at)).ConfigureAwait(false);
}
