using Owlmetry.Issues.Access;
using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Storage;

/// <summary>
/// The writes a unit of work may make, on top of its reads. A write that breaks a store invariant (a duplicate
/// id, a second occurrence of one session in one issue) throws <see cref="IssueStoreConflictException"/> and
/// the whole unit rolls back.
/// </summary>
public partial interface IIssueStoreWriter : IIssueStoreReader
{
    /// <summary>Adds a new issue.</summary>
    ValueTask InsertIssueAsync(Issue issue);

    /// <summary>Replaces an existing issue (matched by id).</summary>
    ValueTask UpdateIssueAsync(Issue issue);

    /// <summary>
    /// Ends every claim, lapsed or not, that the <paramref name="holderKind"/> with id <paramref name="holderId"/> holds
    /// on issues of <paramref name="projectIds"/>: for a key that was revoked or a user who left the team. Nothing else
    /// of those issues changes.
    /// </summary>
    /// <returns>How many claims ended.</returns>
    ValueTask<int> EndClaimsHeldByAsync(ActorKind holderKind, Guid holderId, IReadOnlyCollection<Guid> projectIds);

    /// <summary>Removes an issue. Its occurrences, comments and links must have been moved or removed first.</summary>
    ValueTask DeleteIssueAsync(Guid issueId);

    /// <summary>Aliases a fingerprint to an issue, replacing any previous alias of the same key.</summary>
    ValueTask AssignFingerprintAsync(FingerprintKey key, Guid issueId);

    /// <summary>
    /// Re-points every fingerprint alias of one issue to another, whatever its app and dev/prod side: an issue that
    /// absorbed another app's or the other side's issue in a merge holds aliases its own keys do not describe.
    /// </summary>
    ValueTask MoveFingerprintsAsync(Guid fromIssueId, Guid toIssueId);

    /// <summary>Adds an occurrence; at most one per (issue, session).</summary>
    ValueTask InsertOccurrenceAsync(IssueOccurrence occurrence);

    /// <summary>
    /// Adds occurrences, each as <see cref="InsertOccurrenceAsync"/> would, in order; a provider may store them in one
    /// bulk operation. A conflict on any of them throws and the unit rolls back.
    /// </summary>
    async ValueTask InsertOccurrencesAsync(IReadOnlyCollection<IssueOccurrence> occurrences)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        foreach (var occurrence in occurrences)
        {
            await InsertOccurrenceAsync(occurrence).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The occurrence half of a merge, as one set-based operation: every occurrence of
    /// <paramref name="fromIssueId"/> becomes one of <paramref name="toIssueId"/>, except those of sessions the
    /// target already has, which are dropped (one occurrence per issue and session). Providers choose how: moving
    /// rows, re-pointing groups of rows, a few statements.
    /// </summary>
    /// <returns>The summary of the target's occurrences afterwards, for its roll-ups.</returns>
    ValueTask<OccurrenceSummary> MergeOccurrencesAsync(Guid fromIssueId, Guid toIssueId);

    /// <summary>Adds a comment.</summary>
    ValueTask InsertCommentAsync(IssueComment comment);

    /// <summary>Replaces an existing comment (matched by id).</summary>
    ValueTask UpdateCommentAsync(IssueComment comment);

    /// <summary>Moves every comment, deleted ones included, of one issue to another.</summary>
    ValueTask MoveCommentsAsync(Guid fromIssueId, Guid toIssueId);

    /// <summary>Adds or replaces an attachment row; the project and user byte counts follow the change.</summary>
    ValueTask UpsertAttachmentAsync(IssueAttachment attachment);

    /// <summary>Relinks every attachment of one issue to another, reserved and deleted ones included.</summary>
    ValueTask MoveAttachmentsAsync(Guid fromIssueId, Guid toIssueId);

    /// <summary>Appends an audit record.</summary>
    ValueTask AppendAuditAsync(AuditRecord record);
}
