using LiteDB;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

internal partial class LiteDbIssueStoreReader
{
    // CONTRACT §9: production, new or regressed, and never notified or changed since it was.
    private static readonly string s_awaitingDigest =
        $"$.{nameof(IssueDocument.Status)} IN ['new', 'regressed'] AND $.{nameof(IssueDocument.IsDev)} = false "
        + $"AND ($.{nameof(IssueDocument.LastNotifiedAt)} = null OR $.{nameof(IssueDocument.UpdatedAt)} > $.{nameof(IssueDocument.LastNotifiedAt)})";

    public OutboxNotification? FindNotification(Guid notificationId) =>
        Collections.Notifications.FindById(notificationId)?.ToNotification();

    public IReadOnlyList<OutboxNotification> ListPendingNotifications(int take) =>
        take <= 0
            ? []
            : KeyRange.Scan(Collections.Notifications, nameof(OutboxNotificationDocument.PendingKey), prefix: "", bound: null, descending: false, take)
                .Select(document => document.ToNotification())
                .ToList();

    public IReadOnlyList<Guid> ListProjectsAwaitingDigest() =>
        Collections.Issues.Find(BsonExpression.Create(s_awaitingDigest)).Select(document => document.ProjectId).Distinct().ToList();

    /// <summary>The project's production lane of the last-activity index, read from the newest down, filtered.</summary>
    public IReadOnlyList<Issue> ListIssuesAwaitingDigest(Guid projectId, int take) =>
        take <= 0
            ? []
            : KeyRange.Scan(
                    Collections.Issues,
                    nameof(IssueDocument.LastActivityKey),
                    StorageKeys.IssueLane(projectId, isDev: false),
                    bound: null,
                    descending: true,
                    take,
                    [BsonExpression.Create(s_awaitingDigest)])
                .Select(document => document.ToIssue())
                .ToList();

    public DateTimeOffset? GetLastDigestAt(Guid projectId) =>
        Collections.DigestState.FindById(projectId) is { } state ? UnixTime.ToTime(state.LastDigestAt) : null;
}
