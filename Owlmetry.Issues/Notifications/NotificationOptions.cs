namespace Owlmetry.Issues.Notifications;

/// <summary>Options of notification delivery and digests, configured through <c>AddNotifications(o => …)</c>.</summary>
public sealed class NotificationOptions
{
    /// <summary>The longest a recorded notification waits for the background dispatch when nothing wakes it. Default 5 seconds.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many dispatch passes may fail on a notification before it is given up. Default 5.</summary>
    public int MaxDispatchAttempts { get; set; } = 5;

    /// <summary>Whether the background service sends the digests that are due. Default true.</summary>
    public bool BackgroundDigests { get; set; } = true;

    /// <summary>How often the background service looks for due digests. Default 1 minute.</summary>
    public TimeSpan DigestCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most issues one digest lists (the most recently active); the rest wait for the next one. Default 100.</summary>
    public int DigestIssueLimit { get; set; } = 100;
}
