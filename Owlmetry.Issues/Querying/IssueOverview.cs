using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Querying;

/// <summary>
/// What a triage page shows beside an issue's detail: the status changes the lifecycle allows from its current status,
/// its occurrences per day over the last <see cref="IssueOverview.Days"/> days, how they split by app version,
/// environment and country, its audit trail (status changes and merges), and which comments the caller may edit or
/// delete.
/// </summary>
/// <param name="IssueId">The issue.</param>
/// <param name="Status">Its current status.</param>
/// <param name="AllowedTargets">The statuses a user or agent may move it to now (<c>IssueLifecycle.AllowedTargets</c>).</param>
/// <param name="DailyCounts">Occurrences per UTC day, oldest day first, today last; a day without any counts 0.</param>
/// <param name="ByAppVersion">Occurrences per app version, most first (null: no version).</param>
/// <param name="ByEnvironment">Occurrences per environment, most first (null: none given).</param>
/// <param name="ByCountry">Occurrences per country code, most first (null: unknown).</param>
/// <param name="Activity">The issue's audit records, oldest first.</param>
/// <param name="Comments">For each non-deleted comment, whether the caller may edit and delete it.</param>
public sealed record IssueOverview(
    Guid IssueId,
    IssueStatus Status,
    IReadOnlyList<IssueStatus> AllowedTargets,
    IReadOnlyList<DailyCount> DailyCounts,
    IReadOnlyList<ValueCount> ByAppVersion,
    IReadOnlyList<ValueCount> ByEnvironment,
    IReadOnlyList<ValueCount> ByCountry,
    IReadOnlyList<AuditRecord> Activity,
    IReadOnlyList<CommentPermission> Comments)
{
    /// <summary>How many days <see cref="DailyCounts"/> covers, today included.</summary>
    public const int Days = 14;
}
