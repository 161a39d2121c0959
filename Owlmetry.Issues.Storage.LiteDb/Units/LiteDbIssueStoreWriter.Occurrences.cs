using LiteDB;

namespace Owlmetry.Issues.Storage.LiteDb;

/// <summary>
/// The occurrence writes. A new occurrence joins its issue's own group, whose unique index refuses a second one of
/// a session; the issue's other groups, moved to it by merges, are asked first. A merge re-points groups instead of
/// rewriting the occurrences it moves.
/// </summary>
internal sealed partial class LiteDbIssueStoreWriter
{
    public void InsertOccurrence(IssueOccurrence occurrence)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        EnsureSessionIsNewToMergedGroups(occurrence);
        Run(nameof(InsertOccurrence), () => Collections.Occurrences.Insert(OccurrenceDocument.From(occurrence)));
    }

    /// <summary>One <c>InsertBulk</c>: one engine call and one snapshot for the whole list.</summary>
    public void InsertOccurrences(IReadOnlyCollection<IssueOccurrence> occurrences)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        foreach (var occurrence in occurrences)
        {
            EnsureSessionIsNewToMergedGroups(occurrence);
        }

        if (occurrences.Count > 0)
        {
            Run(nameof(InsertOccurrences), () => Collections.Occurrences.InsertBulk(occurrences.Select(OccurrenceDocument.From), occurrences.Count));
        }
    }

    /// <summary>
    /// Drops the source's occurrences of sessions the target has (found from the session index alone), then moves
    /// the source's groups to the target with one row each: its cost follows the duplicates and the groups, and
    /// reads only index keys for the rest.
    /// </summary>
    public OccurrenceSummary MergeOccurrences(Guid fromIssueId, Guid toIssueId)
    {
        if (fromIssueId != toIssueId)
        {
            var fromGroups = GroupsOf(fromIssueId);
            var targetSessions = GroupsOf(toIssueId).SelectMany(SessionsOf).ToHashSet();
            var duplicates = new BsonArray(fromGroups.SelectMany(group => SessionsOf(group)
                .Where(targetSessions.Contains)
                .Select(session => new BsonValue(StorageKeys.Session(group, session)))));
            if (duplicates.Count > 0)
            {
                Run(nameof(MergeOccurrences), () => Collections.Occurrences.DeleteMany(
                    BsonExpression.Create($"$.{nameof(OccurrenceDocument.SessionKey)} IN @0", duplicates)));
            }

            foreach (var group in fromGroups)
            {
                Run(nameof(MergeOccurrences), () => Collections.OccurrenceGroups.Upsert(new OccurrenceGroupDocument { Id = group, IssueId = toIssueId }));
            }

            Groups = Groups.Move(fromGroups, toIssueId);
        }

        return Summarize(toIssueId);
    }

    private void EnsureSessionIsNewToMergedGroups(IssueOccurrence occurrence)
    {
        foreach (var group in GroupsOf(occurrence.IssueId).Where(group => group != occurrence.IssueId))
        {
            if (Collections.Probes.OccurrenceBySession.Exists(StorageKeys.Session(group, occurrence.SessionId)))
            {
                throw new IssueStoreConflictException(
                    $"Issue {occurrence.IssueId} already has an occurrence of session {occurrence.SessionId} (merged from issue {group}).");
            }
        }
    }
}
