using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.Storage;

/// <summary>The reads of a team's job list.</summary>
public partial interface IIssueStoreReader
{
    /// <summary>
    /// Up to <paramref name="take"/> scan runs the team triggered, newest first (started_at, then id, descending),
    /// strictly after <paramref name="after"/> when given. Background runs, which no team triggered, are never listed.
    /// </summary>
    ValueTask<IReadOnlyList<ScanRun>> ListScanRunsOfTeamAsync(Guid teamId, KeysetKey? after, int take);
}
