using Owlmetry.Issues.Notifications;

namespace Owlmetry.Samples.Worker;

#region ConsoleNotifier
// Told of new and regressed issues after each scan, and of each project's digest. A real app posts them to its chat
// or mail; a notification can come twice (after a crash mid-delivery), and its Id tells the repeat.
public sealed class ConsoleNotifier(ILogger<ConsoleNotifier> logger) : INotificationHandler
{
    public Task HandleAsync(IssueNotification notification, CancellationToken ct)
    {
        switch (notification)
        {
            case IssueNewNotification created:      // "2 new issues, 1 regressed"
                logger.LogInformation("{Title}\n{Body}", created.Title, created.Body);
                break;
            case IssueDigestNotification digest:    // unresolved issues of a project, at most daily
                logger.LogInformation("Digest: {Title}\n{Body}", digest.Title, digest.Body);
                break;
        }

        return Task.CompletedTask;
    }
}
#endregion
