using NpgsqlTypes;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

/// <summary>The writes of one unit of work, in the unit's transaction; key violations become conflicts.</summary>
internal sealed partial class PostgreSqlIssueStoreWriter(PostgreSqlUnit unit) : PostgreSqlIssueStoreReader(unit), IIssueStoreWriter
{
    public async ValueTask InsertIssueAsync(Issue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        await Unit.ExecuteAsync($"INSERT INTO issues ({IssueRows.Columns}) VALUES ({IssueRows.Placeholders})", IssueRows.Values(issue)).ConfigureAwait(false);
    }

    public async ValueTask UpdateIssueAsync(Issue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var updated = await Unit.ExecuteAsync(
            $"UPDATE issues SET ({IssueRows.Columns}) = ({IssueRows.Placeholders}) WHERE id = $2", IssueRows.Values(issue)).ConfigureAwait(false);
        if (updated == 0)
        {
            throw new InvalidOperationException($"Issue {issue.Id} does not exist.");
        }
    }

    // Found through the project's issue indexes: the claim columns have none of their own, since a revocation is rare
    // and every other write of an issue would pay for one.
    public async ValueTask<int> EndClaimsHeldByAsync(ActorKind holderKind, Guid holderId, IReadOnlyCollection<Guid> projectIds)
    {
        ArgumentNullException.ThrowIfNull(projectIds);
        return await Unit.ExecuteAsync(
            "UPDATE issues SET claim_holder_kind = NULL, claim_holder_id = NULL, claim_holder_name = NULL, claimed_at = NULL, claim_expires_at = NULL " +
            "WHERE project_id = ANY($1) AND claim_holder_id = $2 AND claim_holder_kind = $3",
            Param.Array(projectIds.ToArray(), NpgsqlDbType.Uuid),
            Param.Id(holderId),
            Param.Name(holderKind)).ConfigureAwait(false);
    }

    public async ValueTask DeleteIssueAsync(Guid issueId) =>
        await Unit.ExecuteAsync("DELETE FROM issues WHERE id = $1", Param.Id(issueId)).ConfigureAwait(false);

    public async ValueTask AssignFingerprintAsync(FingerprintKey key, Guid issueId) =>
        await Unit.ExecuteAsync(
            "INSERT INTO fingerprints (app_id, is_dev, hash, issue_id) VALUES ($1, $2, $3, $4) " +
            "ON CONFLICT (app_id, is_dev, hash) DO UPDATE SET issue_id = excluded.issue_id",
            Param.Id(key.AppId),
            Param.Of(key.IsDev),
            Param.Text(key.Hash),
            Param.Id(issueId)).ConfigureAwait(false);

    public async ValueTask MoveFingerprintsAsync(Guid fromIssueId, Guid toIssueId) =>
        await Unit.ExecuteAsync("UPDATE fingerprints SET issue_id = $2 WHERE issue_id = $1", Param.Id(fromIssueId), Param.Id(toIssueId)).ConfigureAwait(false);

    public async ValueTask InsertCommentAsync(IssueComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        await Unit.ExecuteAsync(
            $"INSERT INTO comments ({CommentRows.Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", CommentRows.Values(comment)).ConfigureAwait(false);
    }

    public async ValueTask UpdateCommentAsync(IssueComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var updated = await Unit.ExecuteAsync(
            $"UPDATE comments SET ({CommentRows.Columns}) = ($1, $2, $3, $4, $5, $6, $7, $8, $9) WHERE id = $2", CommentRows.Values(comment))
            .ConfigureAwait(false);
        if (updated == 0)
        {
            throw new InvalidOperationException($"Comment {comment.Id} does not exist.");
        }
    }

    public async ValueTask MoveCommentsAsync(Guid fromIssueId, Guid toIssueId) =>
        await Unit.ExecuteAsync("UPDATE comments SET issue_id = $2 WHERE issue_id = $1", Param.Id(fromIssueId), Param.Id(toIssueId)).ConfigureAwait(false);

    public async ValueTask UpsertAttachmentAsync(IssueAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        await Unit.ExecuteAsync(AttachmentRows.Upsert, AttachmentRows.Values(attachment)).ConfigureAwait(false);
    }

    public async ValueTask MoveAttachmentsAsync(Guid fromIssueId, Guid toIssueId) =>
        await Unit.ExecuteAsync("UPDATE attachments SET issue_id = $2 WHERE issue_id = $1", Param.Id(fromIssueId), Param.Id(toIssueId)).ConfigureAwait(false);

    public async ValueTask AppendAuditAsync(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        await Unit.ExecuteAsync(
            $"INSERT INTO audit_records ({AuditRows.Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)", AuditRows.Values(record))
            .ConfigureAwait(false);
    }
}
