using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.LiteDb.Documents;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

/// <summary>
/// The occurrence writes. A new occurrence joins its issue's own group, whose unique index refuses a second one of
/// a session; the issue's other groups, moved to it by merges, are asked first. A merge re-points groups and
/// excludes the source's duplicate sessions instead of rewriting or deleting occurrences, and finds the duplicates
/// and the roll-ups' counts in the groups' ledgers (see <see cref="OccurrenceLedgers"/>).
/// </summary>
internal sealed partial class LiteDbIssueStoreWriter
{
    public void InsertOccurrence(IssueOccurrence occurrence)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        EnsureSessionIsNewToMergedGroups(occurrence);
        Run(nameof(InsertOccurrence), () => Collections.Occurrences.Insert(OccurrenceDocument.From(occurrence)));
        ledgers.Loaded(occurrence.IssueId)?.Add(occurrence.SessionId, occurrence.UserId);
    }

    /// <summary>One <c>InsertBulk</c>: one engine call and one snapshot for the whole list.</summary>
    public void InsertOccurrences(IReadOnlyCollection<IssueOccurrence> occurrences)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        foreach (var occurrence in occurrences)
        {
            EnsureSessionIsNewToMergedGroups(occurrence);
        }

        if (occurrences.Count == 0)
        {
            return;
        }

        Run(nameof(InsertOccurrences), () => Collections.Occurrences.InsertBulk(occurrences.Select(OccurrenceDocument.From), occurrences.Count));
        foreach (var occurrence in occurrences)
        {
            ledgers.Loaded(occurrence.IssueId)?.Add(occurrence.SessionId, occurrence.UserId);
        }
    }

    /// <summary>
    /// Finds the source's sessions that the target has by walking the smaller side's ledgers and asking the larger
    /// side's, then stores one row per source group: its new owner and the sessions it no longer counts. Nothing
    /// is read or written per moved occurrence once both issues' ledgers are loaded.
    /// </summary>
    public OccurrenceSummary MergeOccurrences(Guid fromIssueId, Guid toIssueId)
    {
        if (fromIssueId != toIssueId)
        {
            var fromGroups = GroupsOf(fromIssueId);
            var sources = fromGroups.Select(group => (Group: group, Ledger: LedgerOf(group))).ToList();
            var targets = GroupsOf(toIssueId).Select(LedgerOf).ToList();
            var duplicates = Duplicates(sources, targets);
            var rows = Groups.Moving(fromGroups, toIssueId, duplicates);
            foreach (var row in rows)
            {
                Run(nameof(MergeOccurrences), () => Collections.OccurrenceGroups.Upsert(row));
            }

            foreach (var (group, ledger) in sources)
            {
                foreach (var session in duplicates.GetValueOrDefault(group) ?? [])
                {
                    ledger.Remove(session);
                }
            }

            Groups = Groups.With(rows);
        }

        var groups = GroupsOf(toIssueId);
        var counted = groups.Select(LedgerOf).ToList();
        return new OccurrenceSummary(
            counted.Sum(ledger => ledger.Count),
            counted.SelectMany(ledger => ledger.Users).ToHashSet(StringComparer.Ordinal).Count,
            [.. groups.SelectMany(group => Edges(toIssueId, group))]);
    }

    protected override OccurrenceLedger? LoadedLedger(Guid group) => ledgers.Loaded(group);

    /// <summary>
    /// Loads the ledgers of an issue large enough that reading them at its next merge would cost more than keeping
    /// them: from then on its occurrence writes keep them current. Smaller issues' ledgers are read when merged.
    /// </summary>
    private void KeepLedgersOfLargeIssue(Issue issue)
    {
        if (issue.OccurrenceCount >= OccurrenceLedgers.LargeIssue)
        {
            foreach (var group in GroupsOf(issue.Id))
            {
                LedgerOf(group);
            }
        }
    }

    private OccurrenceLedger LedgerOf(Guid group) => ledgers.Load(group, () => ReadLedger(group));

    /// <summary>Per source group, its sessions that one of the target's groups counts too.</summary>
    private static Dictionary<Guid, List<Guid>> Duplicates(List<(Guid Group, OccurrenceLedger Ledger)> sources, List<OccurrenceLedger> targets)
    {
        var duplicates = new Dictionary<Guid, List<Guid>>();
        void Add(Guid group, Guid session) => (duplicates.TryGetValue(group, out var list) ? list : duplicates[group] = []).Add(session);

        if (sources.Sum(source => source.Ledger.Count) <= targets.Sum(target => target.Count))
        {
            foreach (var (group, ledger) in sources)
            {
                foreach (var session in ledger.Sessions.Where(session => targets.Any(target => target.HasSession(session))))
                {
                    Add(group, session);
                }
            }
        }
        else
        {
            foreach (var session in targets.SelectMany(target => target.Sessions))
            {
                // One issue counts a session once, in one of its groups.
                var source = sources.FirstOrDefault(source => source.Ledger.HasSession(session));
                if (source.Ledger is not null)
                {
                    Add(source.Group, session);
                }
            }
        }

        return duplicates;
    }

    private void EnsureSessionIsNewToMergedGroups(IssueOccurrence occurrence)
    {
        foreach (var group in GroupsOf(occurrence.IssueId).Where(group => group != occurrence.IssueId))
        {
            if (CountsSession(group, occurrence.SessionId))
            {
                throw new IssueStoreConflictException(
                    $"Issue {occurrence.IssueId} already has an occurrence of session {occurrence.SessionId} (merged from issue {group}).");
            }
        }
    }
}
