namespace Owlmetry.Issues.Notifications;

/// <summary>
/// Receives notifications in process, registered with <c>AddNotificationHandler&lt;T&gt;()</c>. Each notification
/// is handed to every handler at least once: a handler that throws makes the dispatch try the notification again
/// later (for every handler, up to <see cref="NotificationOptions.MaxDispatchAttempts"/> passes), and a process that
/// stops mid-dispatch hands it over again on the next start. Use <see cref="IssueNotification.Id"/> to drop repeats.
/// </summary>
public interface INotificationHandler
{
    /// <summary>Handles one notification: switch on its type (<see cref="IssueNewNotification"/>, <see cref="IssueDigestNotification"/>).</summary>
    Task HandleAsync(IssueNotification notification, CancellationToken ct);
}
