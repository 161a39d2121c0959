using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Jobs;
using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.AspNetCore.Endpoints;

internal static class JobEndpoints
{
    public static async Task<Results<Created<JobRunEnvelope>, ProblemHttpResult>> Trigger(
        Guid teamId, TriggerJobRequest? body, HttpContext context, CurrentActor caller, ScanJobs jobs, CancellationToken ct) =>
        (await jobs.TriggerAsync(caller.Actor, teamId, body?.JobType, ct)).ToCreated(
            run => $"{IssuesApiPrefix.Of(context)}/jobs/{run.Id}", run => new JobRunEnvelope(run.ToResponse()));

    public static async Task<Results<Ok<JobRunListResponse>, ProblemHttpResult>> ListTeamRuns(
        Guid teamId, string? cursor, string? limit, CurrentActor caller, ScanRunHistory history, CancellationToken ct) =>
        (await history.ListTeamRunsAsync(caller.Actor, teamId, string.IsNullOrEmpty(cursor) ? null : cursor, QueryValues.ParseLimit(limit), ct))
            .ToHttp(p => new JobRunListResponse(p.Runs.Select(ResourceContracts.ToResponse).ToList(), p.Cursor, p.HasMore));

    public static async Task<Results<Ok<JobRunEnvelope>, ProblemHttpResult>> GetRun(Guid runId, CurrentActor caller, ScanJobs jobs, CancellationToken ct) =>
        (await jobs.GetAsync(caller.Actor, runId, ct)).ToHttp(run => new JobRunEnvelope(run.ToResponse()));
}
