using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Notifications;

/// <summary>The production issues one scan batch created, regressed or brought back from snooze, for one team.</summary>
public sealed record IssueNewNotification : IssueNotification
{
    /// <inheritdoc />
    [JsonPropertyOrder(-5)]
    public override string Type => NotificationTypes.IssueNew;

    /// <summary>The counts and the issues.</summary>
    public required IssueNewData Data { get; init; }
}
