namespace Owlmetry.Issues.Host.Contracts;

public sealed record JobRunResponse(
    Guid Id, string JobType, string Status, Guid? TeamId, JobResultResponse? Result, string? Error, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt)
{
    public const string IssueScan = "issue_scan";

    public static JobRunResponse From(ScanRun run) => new(
        run.Id, IssueScan, run.Status, run.TriggeredByTeamId,
        run.Result is { } r ? new JobResultResponse(r.EventsProcessed, r.IssuesCreated, r.IssuesRegressed, r.IssuesUnsnoozed, r.OccurrencesCreated) : null,
        run.Error, run.StartedAt, run.CompletedAt);
}
