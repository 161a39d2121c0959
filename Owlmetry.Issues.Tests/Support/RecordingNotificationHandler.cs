using System.Collections.Concurrent;
using Owlmetry.Issues.Notifications;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>Keeps what it is handed; throws while <see cref="FailuresLeft"/> is above zero.</summary>
internal sealed class RecordingNotificationHandler : INotificationHandler
{
    public ConcurrentQueue<IssueNotification> Received { get; } = new();

    public int FailuresLeft { get; set; }

    public Task HandleAsync(IssueNotification notification, CancellationToken ct)
    {
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new InvalidOperationException("handler is down");
        }

        Received.Enqueue(notification);
        return Task.CompletedTask;
    }
}
