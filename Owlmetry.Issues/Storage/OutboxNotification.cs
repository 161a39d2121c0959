using Owlmetry.Issues.Notifications;

namespace Owlmetry.Issues.Storage;

/// <summary>
/// A notification in the store's outbox. It is recorded in the same unit of work as the change it reports (a scan
/// batch, a digest), so a retried or crashed unit neither repeats nor drops it, and delivered from here.
/// </summary>
public sealed record OutboxNotification
{
    /// <summary>The notification id.</summary>
    public required Guid Id { get; init; }

    /// <summary>One of <see cref="NotificationTypes"/>.</summary>
    public required string Type { get; init; }

    /// <summary>The team told.</summary>
    public required Guid TeamId { get; init; }

    /// <summary>The payload JSON (<see cref="NotificationJson"/>), frozen when recorded.</summary>
    public required string Payload { get; init; }

    /// <summary>When it was recorded.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Whether the in-process handlers still have to receive it.</summary>
    public NotificationDispatchStatus Status { get; init; } = NotificationDispatchStatus.Pending;

    /// <summary>Dispatch attempts that failed so far.</summary>
    public int Attempts { get; init; }

    /// <summary>The error of the last failed attempt.</summary>
    public string? LastError { get; init; }

    /// <summary>When every handler received it, or when it was given up.</summary>
    public DateTimeOffset? DispatchedAt { get; init; }
}
