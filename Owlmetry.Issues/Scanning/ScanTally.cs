namespace Owlmetry.Issues.Scanning;

/// <summary>
/// What a scan did, project by project. One pass scans every team's events, so a run a team triggered reports only
/// its own projects' share (<see cref="For"/>): the other teams' error volume is theirs alone.
/// </summary>
internal sealed class ScanTally
{
    private readonly Dictionary<Guid, Counts> _byProject = [];

    /// <summary>Every project's counts together.</summary>
    public IssueScanResult Total => Sum(_byProject.Values);

    /// <summary>The counts of the given projects together.</summary>
    public IssueScanResult For(IEnumerable<Guid> projectIds) =>
        Sum(projectIds.Select(id => _byProject.GetValueOrDefault(id)).OfType<Counts>());

    public void CountEvents(Guid projectId, int events) => Of(projectId).Events += events;

    public void CountCreated(Guid projectId) => Of(projectId).Created++;

    public void CountRegressed(Guid projectId) => Of(projectId).Regressed++;

    public void CountUnsnoozed(Guid projectId) => Of(projectId).Unsnoozed++;

    public void CountOccurrence(Guid projectId) => Of(projectId).Occurrences++;

    /// <summary>Adds another tally's counts to this one's.</summary>
    public void Include(ScanTally other)
    {
        foreach (var (projectId, counts) in other._byProject)
        {
            var mine = Of(projectId);
            mine.Events += counts.Events;
            mine.Created += counts.Created;
            mine.Regressed += counts.Regressed;
            mine.Unsnoozed += counts.Unsnoozed;
            mine.Occurrences += counts.Occurrences;
        }
    }

    private Counts Of(Guid projectId)
    {
        if (!_byProject.TryGetValue(projectId, out var counts))
        {
            counts = new Counts();
            _byProject[projectId] = counts;
        }

        return counts;
    }

    private static IssueScanResult Sum(IEnumerable<Counts> counts) =>
        counts.Aggregate(IssueScanResult.Empty, (sum, c) => sum.Add(new IssueScanResult(c.Events, c.Created, c.Regressed, c.Unsnoozed, c.Occurrences)));

    private sealed class Counts
    {
        public int Events { get; set; }

        public int Created { get; set; }

        public int Regressed { get; set; }

        public int Unsnoozed { get; set; }

        public int Occurrences { get; set; }
    }
}
