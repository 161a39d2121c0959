namespace Owlmetry.Issues.Storage;

/// <summary>Where an <see cref="OutboxNotification"/> stands with the in-process handlers.</summary>
public enum NotificationDispatchStatus
{
    /// <summary>Not yet received by every handler.</summary>
    Pending,

    /// <summary>Received by every handler.</summary>
    Dispatched,

    /// <summary>Given up after the last allowed attempt.</summary>
    Failed,
}
