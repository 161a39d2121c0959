namespace Owlmetry.Issues.Contracts;

/// <summary>A scan run in the reference's job-run shape.</summary>
/// <param name="Id">The run.</param>
/// <param name="JobType">Always <c>issue_scan</c>.</param>
/// <param name="Status"><c>running</c>, <c>completed</c> or <c>failed</c>.</param>
/// <param name="TeamId">The team that triggered it; null for the background scan.</param>
/// <param name="Result">The scan's counts, once completed.</param>
/// <param name="Error">Why it failed, if it did.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="CompletedAt">When it finished; null while running.</param>
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
    /// <summary>The job type of a scan.</summary>
    public const string IssueScan = "issue_scan";
}
