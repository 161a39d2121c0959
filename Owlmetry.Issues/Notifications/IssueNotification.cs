using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Notifications;

/// <summary>
/// A notification for one team, as an in-process handler receives it: <see cref="IssueNewNotification"/> or
/// <see cref="IssueDigestNotification"/>. Its JSON is the payload of
/// CONTRACT §9: <c>type</c>, <c>team_id</c>, <c>title</c>, <c>body</c> and <c>data</c>.
/// </summary>
public abstract record IssueNotification
{
    /// <summary>The notification's id: stable across repeated deliveries, so a handler can drop repeats.</summary>
    [JsonIgnore]
    public Guid Id { get; init; }

    /// <summary>When the notification was recorded.</summary>
    [JsonIgnore]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>One of <see cref="NotificationTypes"/>.</summary>
    [JsonPropertyOrder(-5)]
    public abstract string Type { get; }

    /// <summary>The team told.</summary>
    [JsonPropertyOrder(-4)]
    public required Guid TeamId { get; init; }

    /// <summary>A one-line summary, e.g. <c>2 new issues, 1 regressed</c>.</summary>
    [JsonPropertyOrder(-3)]
    public required string Title { get; init; }

    /// <summary>Up to three issue titles, one per line, then <c>+N more</c>.</summary>
    [JsonPropertyOrder(-2)]
    public required string Body { get; init; }
}
