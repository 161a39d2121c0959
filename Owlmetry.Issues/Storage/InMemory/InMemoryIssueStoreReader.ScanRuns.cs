using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.Storage.InMemory;

internal partial class InMemoryIssueStoreReader
{
    public IReadOnlyList<ScanRun> ListScanRunsOfTeam(Guid teamId, KeysetKey? after, int take) =>
        Data.ScanRuns.Values
            .Where(run => run.TriggeredByTeamId == teamId)
            .Select(run => (Run: run, Key: new KeysetKey(run.StartedAt.ToUnixTimeMilliseconds(), run.Id)))
            .Where(row => row.Key.IsAfter(after))
            .OrderByDescending(row => row.Key)
            .Take(Math.Max(take, 0))
            .Select(row => row.Run)
            .ToList();
}
