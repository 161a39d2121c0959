using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Storage;

/// <summary>The reads of notifications: the outbox and the digests.</summary>
public partial interface IIssueStoreReader
{
    /// <summary>The outbox notification, or null.</summary>
    ValueTask<OutboxNotification?> FindNotificationAsync(Guid notificationId);

    /// <summary>Up to <paramref name="take"/> notifications still pending dispatch, oldest first (created_at, then id).</summary>
    ValueTask<IReadOnlyList<OutboxNotification>> ListPendingNotificationsAsync(int take);

    /// <summary>
    /// The projects having an issue that awaits a digest: a production issue, <c>new</c> or <c>regressed</c>, never
    /// notified or updated after it was last notified.
    /// </summary>
    ValueTask<IReadOnlyList<Guid>> ListProjectsAwaitingDigestAsync();

    /// <summary>Up to <paramref name="take"/> issues of the project that await a digest, most recently updated first (then id descending).</summary>
    ValueTask<IReadOnlyList<Issue>> ListIssuesAwaitingDigestAsync(Guid projectId, int take);

    /// <summary>When the project's last digest went out, or null before its first.</summary>
    ValueTask<DateTimeOffset?> GetLastDigestAtAsync(Guid projectId);
}
