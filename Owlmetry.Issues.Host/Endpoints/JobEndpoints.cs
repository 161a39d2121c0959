using Owlmetry.Issues.Host.Auth;
using Owlmetry.Issues.Host.Contracts;
using Owlmetry.Issues.Host.Http;

namespace Owlmetry.Issues.Host.Endpoints;

public static class JobEndpoints
{
    private const string JobsRead = "jobs:read";
    private const string JobsWrite = "jobs:write";
    private const int ListedRuns = 100;

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

    public static async Task<IResult> ListTeamRuns(Guid teamId, CurrentActor caller, ScanJobs jobs, CancellationToken ct)
    {
        if (TeamAccess.RequireMember(caller.Actor, teamId, JobsRead) is { } refusal)
        {
            return refusal.ToProblem();
        }

        var runs = await jobs.ListAsync(ListedRuns, ct);
        return TypedResults.Ok(new JobRunListResponse(runs.Where(r => IsVisibleTo(r, teamId)).Select(JobRunResponse.From).ToList()));
    }

    public static async Task<IResult> GetRun(Guid runId, CurrentActor caller, ScanJobs jobs, CancellationToken ct)
    {
        var run = await jobs.FindAsync(runId, ct);
        var visible = run is not null && caller.Actor.Teams.Keys.Any(teamId => IsVisibleTo(run, teamId) && TeamAccess.RequireMember(caller.Actor, teamId, JobsRead) is null);
        return visible ? TypedResults.Ok(new JobRunEnvelope(JobRunResponse.From(run!))) : ErrorResponses.Problem(StatusCodes.Status404NotFound, "Job run not found");
    }

    /// <summary>A team sees the runs it triggered and the background scan's, which cover every team's events.</summary>
    private static bool IsVisibleTo(ScanRun run, Guid teamId) => run.TriggeredByTeamId is null || run.TriggeredByTeamId == teamId;
}
