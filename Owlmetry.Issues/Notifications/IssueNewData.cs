namespace Owlmetry.Issues.Notifications;

/// <summary>The <c>data</c> of an <c>issue.new</c> notification.</summary>
/// <param name="Counts">How many issues are new (unsnoozed ones included) and how many regressed.</param>
/// <param name="NewIssues">The new and unsnoozed issues.</param>
/// <param name="RegressedIssues">The regressed issues.</param>
public sealed record IssueNewData(NotificationCounts Counts, IReadOnlyList<NotifiedIssue> NewIssues, IReadOnlyList<NotifiedIssue> RegressedIssues);
