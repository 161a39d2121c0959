namespace Owlmetry.Issues.Notifications;

/// <summary>The <c>type</c> of each notification (CONTRACT §9), as it appears in payloads and webhook subscriptions.</summary>
public static class NotificationTypes
{
    /// <summary>Issues a scan created, regressed or brought back from snooze.</summary>
    public const string IssueNew = "issue.new";

    /// <summary>A project's periodic digest of issues that need attention.</summary>
    public const string IssueDigest = "issue.digest";

    /// <summary>Every notification type.</summary>
    internal static IReadOnlyList<string> All { get; } = [IssueNew, IssueDigest];
}
