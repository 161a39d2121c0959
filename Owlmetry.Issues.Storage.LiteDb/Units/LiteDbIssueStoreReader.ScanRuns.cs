using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

/// <summary>A team's job list: one range of the team index, newest first, from the cursor down.</summary>
internal partial class LiteDbIssueStoreReader
{
    public IReadOnlyList<ScanRun> ListScanRunsOfTeam(Guid teamId, KeysetKey? after, int take) =>
        take <= 0
            ? []
            : KeyRange.Scan(
                    Collections.ScanRuns, nameof(ScanRunDocument.TeamKey), StorageKeys.Team(teamId),
                    after is { } cursor ? StorageKeys.TeamRow(teamId, cursor) : null, descending: true, KeyRange.WithBound(take, after))
                .Select(document => document.ToRun())
                .Where(run => new KeysetKey(UnixTime.From(run.StartedAt), run.Id).IsAfter(after))
                .Take(take)
                .ToList();
}
