using System.Runtime.ExceptionServices;
using LiteDB;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

/// <summary>
/// The writes of one unit of work, inside the store's LiteDB transaction. The invariants are the database's own
/// (primary keys for ids and fingerprint aliases, unique indexes for (group, session) and the list keys), except
/// one occurrence per (issue, session) across an issue's groups, which the occurrence writes check. A duplicate
/// key surfaces as <see cref="IssueStoreConflictException"/>.
/// </summary>
/// <remarks>
/// A LiteDB operation that fails leaves the transaction half-applied (a document stored, one of its index keys
/// refused), so the first failure dooms the unit: <see cref="ThrowIfFailed"/> rethrows it before commit even when
/// the unit's delegate caught it.
/// </remarks>
internal sealed partial class LiteDbIssueStoreWriter(LiteDbCollections collections, OccurrenceGroupMap groups, OccurrenceLedgers ledgers)
    : LiteDbIssueStoreReader(collections, groups), IIssueStoreWriter
{
    // Every issue-keyed composite key starts with the issue id's 32 hex digits and a separator.
    private const int IssuePrefixLength = 33;

    private ExceptionDispatchInfo? _failure;

    public void ThrowIfFailed() => _failure?.Throw();

    public void InsertIssue(Issue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        Run(nameof(InsertIssue), () => Collections.Issues.Insert(IssueDocument.From(issue)));
        KeepLedgersOfLargeIssue(issue);
    }

    public void UpdateIssue(Issue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (!Run(nameof(UpdateIssue), () => Collections.Issues.Update(IssueDocument.From(issue))))
        {
            throw new InvalidOperationException($"Issue {issue.Id} does not exist.");
        }

        KeepLedgersOfLargeIssue(issue);
    }

    // A scan of the issues: the claim has no index of its own, since a revocation is rare and every other write of an
    // issue would pay for one.
    public int EndClaimsHeldBy(ActorKind holderKind, Guid holderId, IReadOnlyCollection<Guid> projectIds)
    {
        ArgumentNullException.ThrowIfNull(projectIds);
        var held = Run(nameof(EndClaimsHeldBy), () => Collections.Issues
            .Find(BsonExpression.Create($"$.{nameof(IssueDocument.ClaimHolderId)} = @0 AND $.{nameof(IssueDocument.ClaimHolderKind)} = @1", holderId, holderKind.ToWireName()))
            .Where(issue => projectIds.Contains(issue.ProjectId))
            .Select(issue => issue.ToIssue())
            .ToList());
        foreach (var issue in held)
        {
            UpdateIssue(issue with { Claim = null });
        }

        return held.Count;
    }

    public void DeleteIssue(Guid issueId) => Run(nameof(DeleteIssue), () => Collections.Issues.Delete(issueId));

    public void AssignFingerprint(FingerprintKey key, Guid issueId) =>
        Run(nameof(AssignFingerprint), () => Collections.Fingerprints.Upsert(FingerprintDocument.From(key, issueId)));

    public void MoveFingerprints(Guid fromIssueId, Guid toIssueId)
    {
        if (fromIssueId == toIssueId)
        {
            return;
        }

        // An alias's key names its own app and side, so only the issue id changes; found through the issue index.
        Run(nameof(MoveFingerprints), () => Collections.Fingerprints.UpdateMany(
            BsonExpression.Create($"{{ {nameof(FingerprintDocument.IssueId)}: @0 }}", toIssueId),
            BsonExpression.Create($"$.{nameof(FingerprintDocument.IssueId)} = @0", fromIssueId)));
    }

    public void InsertComment(IssueComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        Run(nameof(InsertComment), () => Collections.Comments.Insert(CommentDocument.From(comment)));
    }

    public void UpdateComment(IssueComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        if (!Run(nameof(UpdateComment), () => Collections.Comments.Update(CommentDocument.From(comment))))
        {
            throw new InvalidOperationException($"Comment {comment.Id} does not exist.");
        }
    }

    public void MoveComments(Guid fromIssueId, Guid toIssueId) =>
        Move(Collections.Comments, nameof(MoveComments), fromIssueId, toIssueId, nameof(CommentDocument.ListKey));

    public void MoveAttachments(Guid fromIssueId, Guid toIssueId) =>
        Move(Collections.Attachments, nameof(MoveAttachments), fromIssueId, toIssueId, nameof(AttachmentDocument.ListKey));

    public void AppendAudit(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Run(nameof(AppendAudit), () =>
        {
            // Units are serialized by the store's gate, so max + 1 cannot race.
            var last = Collections.Audit.Query().OrderBy(BsonExpression.Create("$._id"), Query.Descending).Limit(1).FirstOrDefault();
            return Collections.Audit.Insert(AuditDocument.From(record, (last?.Id ?? 0) + 1));
        });
    }

    /// <summary>
    /// Re-points every row of one issue in a single set-based <c>UpdateMany</c>: the issue id and the issue prefix
    /// of each composite key are rewritten in place. The first key field is the one the rows are found by.
    /// </summary>
    private void Move<T>(ILiteCollection<T> collection, string operation, Guid fromIssueId, Guid toIssueId, params string[] keyFields)
    {
        if (fromIssueId == toIssueId)
        {
            return;
        }

        var fromPrefix = StorageKeys.Issue(fromIssueId);
        var assignments = keyFields.Select(field => $"{field}: @1 + SUBSTRING($.{field}, {IssuePrefixLength})");
        var transform = BsonExpression.Create($"{{ IssueId: @0, {string.Join(", ", assignments)} }}", toIssueId, StorageKeys.Issue(toIssueId));
        var predicate = BsonExpression.Create($"$.{keyFields[0]} BETWEEN @0 AND @1", fromPrefix, fromPrefix + StorageKeys.RangeEnd);
        Run(operation, () => collection.UpdateMany(transform, predicate));
    }

    private TResult Run<TResult>(string operation, Func<TResult> write)
    {
        try
        {
            return write();
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            var conflict = new IssueStoreConflictException($"{operation} would break a store invariant: {ex.Message}", ex);
            _failure ??= ExceptionDispatchInfo.Capture(conflict);
            throw conflict;
        }
        catch (LiteException ex)
        {
            _failure ??= ExceptionDispatchInfo.Capture(ex);
            throw;
        }
    }
}
