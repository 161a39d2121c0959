using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Http;

namespace Owlmetry.Issues.AspNetCore.Endpoints;

public static class JobEndpoints
{
    private const string JobsRead = "jobs:read";
    private const string JobsWrite = "jobs:write";

    public static async Task<IResult> Trigger(Guid teamId, TriggerJobRequest? body, CurrentActor caller, ScanJobs jobs, CancellationToken ct)
    {
        if (TeamAccess.RequireAdmin(caller.Actor, teamId, JobsWrite) is { } refusal)
        {
            return refusal.ToProblem();
        }

        if (body?.JobType != JobRunResponse.IssueScan)
        {
            return ErrorResponses.Problem(StatusCodes.Status400BadRequest, $"Invalid job_type; valid values: {JobRunResponse.IssueScan}");
        }

        var run = await jobs.RunAsync(teamId, ct);
        return TypedResults.Created($"/v1/jobs/{run.Id}", new JobRunEnvelope(JobRunResponse.From(run)));
    }

    public static async Task<IResult> ListTeamRuns(
        Guid teamId, string? cursor, string? limit, CurrentActor caller, ScanRunHistory history, CancellationToken ct)
    {
        if (TeamAccess.RequireMember(caller.Actor, teamId, JobsRead) is { } refusal)
        {
            return refusal.ToProblem();
        }

        var page = await history.ListTeamRunsAsync(teamId, string.IsNullOrEmpty(cursor) ? null : cursor, QueryParser.ParseLimit(limit), ct);
        return page.ToHttp(p => new JobRunListResponse(p.Runs.Select(JobRunResponse.From).ToList(), p.Cursor, p.HasMore));
    }

    /// <summary>A run the caller's team triggered; a background run scans every team's events and is no team's to see.</summary>
    public static async Task<IResult> GetRun(Guid runId, CurrentActor caller, ScanJobs jobs, CancellationToken ct)
    {
        var run = await jobs.FindAsync(runId, ct);
        return run?.TriggeredByTeamId is { } teamId && TeamAccess.RequireMember(caller.Actor, teamId, JobsRead) is null
            ? TypedResults.Ok(new JobRunEnvelope(JobRunResponse.From(run)))
            : ErrorResponses.Problem(StatusCodes.Status404NotFound, "Job run not found");
    }
}
