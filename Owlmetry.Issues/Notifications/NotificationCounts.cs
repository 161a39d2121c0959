namespace Owlmetry.Issues.Notifications;

/// <summary>The <c>counts</c> of an <c>issue.new</c> notification.</summary>
/// <param name="New">New issues, those back from snooze included (CONTRACT §2).</param>
/// <param name="Regressed">Resolved issues that occurred again in a newer version.</param>
public sealed record NotificationCounts(int New, int Regressed);
