using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Notifications;

namespace Owlmetry.Issues.Storage.InMemory;

internal partial class InMemoryIssueStoreReader
{
    public OutboxNotification? FindNotification(Guid notificationId) => Data.Notifications.GetValueOrDefault(notificationId);

    public IReadOnlyList<OutboxNotification> ListPendingNotifications(int take) =>
        Data.Notifications.Values
            .Where(n => n.Status == NotificationDispatchStatus.Pending)
            .OrderBy(n => n.CreatedAt)
            .ThenBy(n => n.Id)
            .Take(Math.Max(take, 0))
            .ToList();

    public IReadOnlyList<Guid> ListProjectsAwaitingDigest() =>
        Data.Issues.Values.Where(DigestRules.IsAwaitingDigest).Select(i => i.ProjectId).Distinct().ToList();

    public IReadOnlyList<Issue> ListIssuesAwaitingDigest(Guid projectId, int take) =>
        Data.Issues.Values
            .Where(i => i.ProjectId == projectId && DigestRules.IsAwaitingDigest(i))
            .OrderByDescending(i => i.UpdatedAt)
            .ThenByDescending(i => i.Id)
            .Take(Math.Max(take, 0))
            .ToList();

    public DateTimeOffset? GetLastDigestAt(Guid projectId) =>
        Data.LastDigests.TryGetValue(projectId, out var at) ? at : null;
}
