using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Notifications;

/// <summary>A project's digest: its production new and regressed issues with activity since they were last notified.</summary>
public sealed record IssueDigestNotification : IssueNotification
{
    /// <inheritdoc />
    [JsonPropertyOrder(-5)]
    public override string Type => NotificationTypes.IssueDigest;

    /// <summary>The project and its issues.</summary>
    public required IssueDigestData Data { get; init; }
}
