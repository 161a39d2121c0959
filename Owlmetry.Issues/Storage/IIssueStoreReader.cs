using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Querying;

namespace Owlmetry.Issues.Storage;

/// <summary>The reads a unit of work may make. Lists are keyset-paged and never return soft-deleted rows.</summary>
public partial interface IIssueStoreReader
{
    /// <summary>The issue with <paramref name="issueId"/>, or null.</summary>
    ValueTask<Issue?> FindIssueAsync(Guid issueId);

    /// <summary>
    /// Up to <paramref name="take"/> issues passing <paramref name="filter"/>, in <paramref name="sort"/> order
    /// (descending value, then descending id), strictly after <paramref name="after"/> when given.
    /// </summary>
    ValueTask<IReadOnlyList<Issue>> ListIssuesAsync(IssueListFilter filter, IssueSort sort, KeysetKey? after, int take);

    /// <summary>The id of the issue a fingerprint is aliased to, or null when the fingerprint is unknown.</summary>
    ValueTask<Guid?> FindIssueIdByFingerprintAsync(FingerprintKey key);

    /// <summary>Up to <paramref name="take"/> occurrences of an issue, newest first (timestamp, then id, descending).</summary>
    ValueTask<IReadOnlyList<IssueOccurrence>> ListOccurrencesAsync(Guid issueId, KeysetKey? after, int take);

    /// <summary>Every occurrence of an issue, in no particular order (for roll-ups and merges).</summary>
    ValueTask<IReadOnlyList<IssueOccurrence>> GetAllOccurrencesAsync(Guid issueId);

    /// <summary>Whether the issue already has the occurrence of <paramref name="sessionId"/>.</summary>
    ValueTask<bool> HasOccurrenceInSessionAsync(Guid issueId, Guid sessionId);

    /// <summary>The comment with <paramref name="commentId"/>, including a soft-deleted one, or null.</summary>
    ValueTask<IssueComment?> FindCommentAsync(Guid commentId);

    /// <summary>The non-deleted comments of an issue, oldest first (created_at, then id).</summary>
    ValueTask<IReadOnlyList<IssueComment>> ListCommentsAsync(Guid issueId);

    /// <summary>
    /// Up to <paramref name="take"/> uploaded, non-deleted attachments linked to an issue, newest first (created_at,
    /// then id): the issue detail's list. Reserved attachments whose bytes have not arrived are left out.
    /// </summary>
    ValueTask<IReadOnlyList<IssueAttachment>> ListAttachmentsAsync(Guid issueId, int take);

    /// <summary>The audit records of an issue, oldest first.</summary>
    ValueTask<IReadOnlyList<AuditRecord>> ListAuditRecordsAsync(Guid issueId);
}
