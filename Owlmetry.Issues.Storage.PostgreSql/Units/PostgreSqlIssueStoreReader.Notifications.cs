using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

internal partial class PostgreSqlIssueStoreReader
{
    /// <summary><c>DigestRules.IsAwaitingDigest</c>, word for word the predicate of the <c>issues_awaiting_digest</c> index.</summary>
    private const string AwaitingDigest =
        "NOT is_dev AND status IN ('New', 'Regressed') AND (last_notified_at IS NULL OR updated_at > last_notified_at)";

    public async ValueTask<OutboxNotification?> FindNotificationAsync(Guid notificationId) =>
        await Unit.QuerySingleAsync($"SELECT {NotificationRows.Columns} FROM notifications WHERE id = $1", NotificationRows.Read, Param.Id(notificationId))
            .ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<OutboxNotification>> ListPendingNotificationsAsync(int take)
    {
        if (take <= 0)
        {
            return [];
        }

        return await Unit.QueryAsync(
            $"SELECT {NotificationRows.Columns} FROM notifications WHERE status = 'Pending' ORDER BY created_at, id LIMIT $1",
            NotificationRows.Read,
            Param.Of(take)).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<Guid>> ListProjectsAwaitingDigestAsync() =>
        await Unit.QueryAsync($"SELECT DISTINCT project_id FROM issues WHERE {AwaitingDigest}", row => row.GetGuid(0)).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<Issue>> ListIssuesAwaitingDigestAsync(Guid projectId, int take)
    {
        if (take <= 0)
        {
            return [];
        }

        return await Unit.QueryAsync(
            $"SELECT {IssueRows.Columns} FROM issues WHERE project_id = $1 AND {AwaitingDigest} ORDER BY updated_at DESC, id DESC LIMIT $2",
            IssueRows.Read,
            Param.Id(projectId),
            Param.Of(take)).ConfigureAwait(false);
    }

    public async ValueTask<DateTimeOffset?> GetLastDigestAtAsync(Guid projectId)
    {
        var times = await Unit.QueryAsync("SELECT last_digest_at FROM digest_state WHERE project_id = $1", row => row.Time(0), Param.Id(projectId))
            .ConfigureAwait(false);
        return times.Count == 0 ? null : times[0];
    }
}
