using Microsoft.Extensions.Options;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Jobs;

/// <summary>
/// A team's job list: the scan runs the team triggered, newest first, keyset-paged on (started_at, id). Background
/// runs are not listed: they scan every team's events, so their counts are no single team's to see.
/// </summary>
internal sealed class ScanRunHistory(ScanJobs jobs, IIssueStore store, IOptions<IssuesOptions> options)
{
    private const string CursorScope = "job_runs";
    private readonly IssuesOptions _options = options.Value;

    /// <summary>One page of the runs <paramref name="teamId"/> triggered, for a member of the team or an agent key with <c>jobs:read</c>.</summary>
    /// <param name="actor">The caller; another team is "not found".</param>
    /// <param name="teamId">The team whose runs to list.</param>
    /// <param name="cursor">The cursor returned with the previous page.</param>
    /// <param name="limit">The page size, clamped to 1..200; 50 when null.</param>
    /// <param name="ct">Cancels the read.</param>
    /// <returns>The page, or why it was refused.</returns>
    public Task<IssueResult<ScanRunPage>> ListTeamRunsAsync(Actor actor, Guid teamId, string? cursor, int? limit, CancellationToken ct = default) =>
        TeamAccess.RequireMember(actor, teamId, IssuePermissions.JobsRead) is { } refusal
            ? Task.FromResult<IssueResult<ScanRunPage>>(refusal)
            : ListTeamRunsAsync(teamId, cursor, limit, ct);

    /// <summary>One page of the runs <paramref name="teamId"/> triggered; the caller has checked the team is the actor's.</summary>
    /// <param name="teamId">The team whose runs to list.</param>
    /// <param name="cursor">The cursor returned with the previous page.</param>
    /// <param name="limit">The page size, clamped to 1..200; 50 when null.</param>
    /// <param name="ct">Cancels the read.</param>
    /// <returns>The page, or an invalid cursor.</returns>
    public async Task<IssueResult<ScanRunPage>> ListTeamRunsAsync(Guid teamId, string? cursor, int? limit, CancellationToken ct = default)
    {
        var after = KeysetCursor.Parse(cursor, CursorScope);
        if (!after.IsSuccess)
        {
            return after.Error;
        }

        // Every read through ScanJobs first records the runs a crash left running as failed; this one reads no runs itself.
        await jobs.ListAsync(take: 0, ct).ConfigureAwait(false);
        var take = _options.ClampPageSize(limit);
        var rows = await store.ReadAsync(r => r.ListScanRunsOfTeamAsync(teamId, after.Value, take + 1), ct).ConfigureAwait(false);
        var hasMore = rows.Count > take;
        var page = rows.Take(take).ToList();
        var next = hasMore ? KeysetCursor.Encode(CursorScope, new KeysetKey(page[^1].StartedAt.ToUnixTimeMilliseconds(), page[^1].Id)) : null;
        return new ScanRunPage(page, next, hasMore);
    }
}
