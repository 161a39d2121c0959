using Owlmetry.Issues.Access;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Scanning;

/// <summary>The scan as a team's job, authorized from the <see cref="Actor"/>: what the jobs endpoints call.</summary>
internal sealed partial class ScanJobs
{
    /// <summary>The one job type a team can trigger: a scan of the events ingested since the last one.</summary>
    public const string IssueScanJobType = "issue_scan";

    /// <summary>
    /// Runs a scan for <paramref name="teamId"/> and records it: a team owner or admin, or an agent key with
    /// <c>jobs:write</c>, may trigger one; another team is "not found". The scan covers every team's events; the run's
    /// result counts those of the team's own projects.
    /// </summary>
    /// <param name="actor">The caller.</param>
    /// <param name="teamId">The team that asks for the scan.</param>
    /// <param name="jobType">The requested job type; only <see cref="IssueScanJobType"/> is valid.</param>
    /// <param name="ct">Cancels the wait and the scan.</param>
    /// <returns>The finished run, or why it was refused.</returns>
    public async Task<IssueResult<ScanRun>> TriggerAsync(Actor actor, Guid teamId, string? jobType, CancellationToken ct = default)
    {
        if (TeamAccess.RequireAdmin(actor, teamId, IssuePermissions.JobsWrite) is { } refusal)
        {
            return refusal;
        }

        if (jobType != IssueScanJobType)
        {
            return IssueError.Invalid($"Invalid job_type; valid values: {IssueScanJobType}");
        }

        return await RunAsync(teamId, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A run the actor's team triggered. A background run scans every team's events and is no team's to see, so it is
    /// "not found" like another team's run.
    /// </summary>
    /// <param name="actor">The caller: a member of the run's team, or an agent key with <c>jobs:read</c>.</param>
    /// <param name="runId">The run.</param>
    /// <param name="ct">Cancels the read.</param>
    /// <returns>The run, or not found.</returns>
    public async Task<IssueResult<ScanRun>> GetAsync(Actor actor, Guid runId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var run = await FindAsync(runId, ct).ConfigureAwait(false);
        return run?.TriggeredByTeamId is { } teamId && TeamAccess.RequireMember(actor, teamId, IssuePermissions.JobsRead) is null
            ? run
            : IssueError.NotFound("Job run not found");
    }
}
