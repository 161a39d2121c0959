using LiteDB;
using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

/// <summary>
/// The reads of one unit of work. Every list is an index range of a composite key (see <see cref="StorageKeys"/>);
/// results are materialized before returning, because LiteDB refuses to commit a transaction with an open cursor.
/// </summary>
internal partial class LiteDbIssueStoreReader(LiteDbCollections collections, OccurrenceGroupMap groups) : IIssueStoreReader
{
    private static readonly BsonExpression[] s_notDeleted = [BsonExpression.Create("$.DeletedAt = null")];

    protected LiteDbCollections Collections { get; } = collections;

    /// <summary>The occurrence groups as this unit sees them: the committed ones, and a write unit's own merges.</summary>
    public OccurrenceGroupMap Groups { get; protected set; } = groups;

    // LiteDB binds a transaction to its thread: a call from any other thread would run outside this unit's transaction.
    private readonly int _unitThread = Environment.CurrentManagedThreadId;
    private bool _closed;

    /// <summary>Refuses every later call: the unit this reader belongs to has ended.</summary>
    public void Close() => _closed = true;

    protected void EnsureInUnit()
    {
        if (_closed)
        {
            throw new InvalidOperationException("This unit of work has ended; its reader and writer can no longer be used.");
        }

        if (Environment.CurrentManagedThreadId != _unitThread)
        {
            throw new InvalidOperationException(
                "A LiteDB unit of work's reader or writer was called from another thread; units must complete on the thread that began them.");
        }
    }

    public Issue? FindIssue(Guid issueId) => Collections.Probes.IssueById.Find(issueId)?.ToIssue();

    public IReadOnlyList<Issue> ListIssues(IssueListFilter filter, IssueSort sort, KeysetKey? after, int take) =>
        IssueListScan.List(Collections.Issues, filter, sort, after, take);

    public IReadOnlyDictionary<IssueStatus, int> CountIssuesByStatus(IssueListFilter filter) => IssueListScan.CountByStatus(Collections.Issues, filter);

    public Guid? FindIssueIdByFingerprint(FingerprintKey key) =>
        Collections.Probes.FingerprintById.Find(StorageKeys.Fingerprint(key))?.IssueId;

    public IssueComment? FindComment(Guid commentId) => Collections.Comments.FindById(commentId)?.ToComment();

    public IReadOnlyList<IssueComment> ListComments(Guid issueId) =>
        KeyRange.Scan(Collections.Comments, nameof(CommentDocument.ListKey), StorageKeys.Issue(issueId), bound: null, descending: false, limit: null, s_notDeleted)
            .Select(document => document.ToComment())
            .ToList();

    public IReadOnlyList<IssueAttachment> ListAttachments(Guid issueId, int take) =>
        take <= 0
            ? []
            : KeyRange.Scan(Collections.Attachments, nameof(AttachmentDocument.ListKey), StorageKeys.Issue(issueId), bound: null, descending: true, take, s_listedAttachment)
                .Select(document => document.ToAttachment())
                .ToList();

    public IReadOnlyList<AuditRecord> ListAuditRecords(Guid issueId) =>
        KeyRange.Scan(Collections.Audit, nameof(AuditDocument.IssueKey), StorageKeys.Issue(issueId), bound: null, descending: false, limit: null)
            .Select(document => document.ToRecord())
            .ToList();
}
