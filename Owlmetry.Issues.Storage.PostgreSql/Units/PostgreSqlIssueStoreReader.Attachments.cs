using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

internal partial class PostgreSqlIssueStoreReader
{
    public async ValueTask<IssueAttachment?> FindAttachmentAsync(Guid attachmentId) =>
        await Unit.QuerySingleAsync($"SELECT {AttachmentRows.Columns} FROM attachments WHERE id = $1", AttachmentRows.Read, Param.Id(attachmentId))
            .ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<IssueAttachment>> ListAttachmentsAsync(AttachmentListFilter filter, KeysetKey? after, int take)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (take <= 0 || filter.ProjectIds.Count == 0)
        {
            return [];
        }

        return await Unit.QueryAsync(ListQueries.Attachments(filter, after, take), AttachmentRows.Read).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<IssueAttachment>> ListAttachmentsOfClientEventAsync(Guid appId, Guid clientEventId) =>
        await Unit.QueryAsync(
            $"SELECT {AttachmentRows.Columns} FROM attachments WHERE app_id = $1 AND client_event_id = $2",
            AttachmentRows.Read,
            Param.Id(appId),
            Param.Id(clientEventId)).ConfigureAwait(false);

    public async ValueTask<long> GetProjectAttachmentBytesAsync(Guid projectId) =>
        await Unit.ScalarAsync<long>(
            "SELECT coalesce(sum(size_bytes), 0)::bigint FROM attachments WHERE project_id = $1 AND deleted_at IS NULL", Param.Id(projectId))
            .ConfigureAwait(false);

    public async ValueTask<long> GetUserAttachmentBytesAsync(Guid projectId, string userId) =>
        await Unit.ScalarAsync<long>(
            "SELECT coalesce(sum(size_bytes), 0)::bigint FROM attachments WHERE project_id = $1 AND user_id = $2 AND deleted_at IS NULL",
            Param.Id(projectId),
            Param.Text(userId)).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<IssueAttachment>> ListAttachmentsToPurgeAsync(DateTimeOffset deletedBefore, DateTimeOffset reservedBefore, int take)
    {
        if (take <= 0)
        {
            return [];
        }

        // Two index ranges (the deletion time, the abandoned reservations), then the in-memory store's order.
        return await Unit.QueryAsync(
            $"SELECT {AttachmentRows.Columns} FROM attachments WHERE deleted_at < $1 " +
            $"UNION SELECT {AttachmentRows.Columns} FROM attachments WHERE uploaded_at IS NULL AND created_at < $2 " +
            "ORDER BY id LIMIT $3",
            AttachmentRows.Read,
            Param.Time(deletedBefore),
            Param.Time(reservedBefore),
            Param.Of(take)).ConfigureAwait(false);
    }
}
