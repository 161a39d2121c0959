namespace Owlmetry.Issues.Storage.LiteDb.Schema;

internal static partial class IndexNames
{
    public const string IssuesLastSeen = "ix_issues_last_seen";
    public const string IssuesLastActivity = "ix_issues_last_activity";
    public const string IssuesFirstSeen = "ix_issues_first_seen";
    public const string IssuesOccurrences = "ix_issues_occurrences";
    public const string IssuesUsers = "ix_issues_users";
    public const string OccurrencesPage = "ix_occurrence_rows_page";
    public const string CommentsIssue = "ix_comments_issue";
    public const string AttachmentsIssue = "ix_attachments_issue";
    public const string AuditIssue = "ix_audit_issue";
    public const string OccurrencesUser = "ix_occurrence_rows_user";
    public const string ScanRunsStarted = "ix_scan_runs_started";
    public const string FingerprintsIssue = "ix_fingerprints_issue";
    public const string IssuesStatus = "ix_issues_status";
    public const string IssuesLaneStatus = "ix_issues_lane_status";
    public const string NotificationsPending = "ix_notifications_pending";
    public const string OccurrenceGroupsIssue = "ix_occurrence_groups_issue";
}
