namespace Owlmetry.Issues.Storage.InMemory;

internal sealed partial class InMemoryIssueStoreTransaction
{
    public void AddNotification(OutboxNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (!Data.Notifications.TryAdd(notification.Id, notification))
        {
            throw new IssueStoreConflictException($"Notification {notification.Id} already exists.");
        }

        _undo.Push(() => Data.Notifications.Remove(notification.Id));
    }

    public void UpdateNotification(OutboxNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var previous = Data.Notifications.GetValueOrDefault(notification.Id)
            ?? throw new InvalidOperationException($"Notification {notification.Id} does not exist.");
        Data.Notifications[notification.Id] = notification;
        _undo.Push(() => Data.Notifications[notification.Id] = previous);
    }

    public int DeleteNotificationsSettledBefore(DateTimeOffset cutoff)
    {
        var doomed = Data.Notifications.Values
            .Where(n => n.Status != NotificationDispatchStatus.Pending && n.CreatedAt < cutoff)
            .ToList();
        foreach (var notification in doomed)
        {
            Data.Notifications.Remove(notification.Id);
            _undo.Push(() => Data.Notifications[notification.Id] = notification);
        }

        return doomed.Count;
    }

    public void SetLastDigestAt(Guid projectId, DateTimeOffset at)
    {
        var had = Data.LastDigests.TryGetValue(projectId, out var previous);
        Data.LastDigests[projectId] = at;
        _undo.Push(had ? () => Data.LastDigests[projectId] = previous : () => Data.LastDigests.Remove(projectId));
    }
}
