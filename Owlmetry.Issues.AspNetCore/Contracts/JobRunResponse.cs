namespace Owlmetry.Issues.AspNetCore.Contracts;

/// <summary>A scan run in the reference's job-run shape.</summary>
/// <param name="ProjectId">Always null: a scan covers every project.</param>
/// <param name="TriggeredBy"><c>manual</c> for a run a team triggered (who triggered it is not recorded), <c>schedule</c> for the background scan.</param>
/// <param name="Params">Always null: the scan takes no parameters.</param>
/// <param name="Progress">Always null: a triggered scan answers once it has finished.</param>
/// <param name="Notify">Always false: a scan's notifications go out as <c>issue.new</c> and digests, not per run.</param>
/// <param name="CreatedAt">When the run was recorded, which is when it started.</param>
public sealed record JobRunResponse(
    Guid Id,
    string JobType,
    string Status,
    Guid? TeamId,
    Guid? ProjectId,
    string TriggeredBy,
    object? Params,
    object? Progress,
    JobResultResponse? Result,
    string? Error,
    bool Notify,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset CreatedAt)
{
    public const string IssueScan = "issue_scan";

    public static JobRunResponse From(ScanRun run) => new(
        run.Id, IssueScan, run.Status, run.TriggeredByTeamId, ProjectId: null,
        run.TriggeredByTeamId is null ? "schedule" : "manual", Params: null, Progress: null,
        run.Result is { } r ? new JobResultResponse(r.EventsProcessed, r.IssuesCreated, r.IssuesRegressed, r.IssuesUnsnoozed, r.OccurrencesCreated) : null,
        run.Error, Notify: false, run.StartedAt, run.CompletedAt, run.StartedAt);
}
