namespace Owlmetry.Issues.Domain;

/// <summary>
/// An accepted error event waiting for, or kept after, the issue scan. Its <see cref="Sequence"/> is assigned by
/// the store in commit order and is the scan's durable high-water mark.
/// </summary>
public sealed record ErrorEvent
{
    /// <summary>The server-assigned event id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The store's position of the event, increasing in commit order; 0 until stored.</summary>
    public long Sequence { get; init; }

    /// <summary>The app that sent it.</summary>
    public required Guid AppId { get; init; }

    /// <summary>The app's project.</summary>
    public required Guid ProjectId { get; init; }

    /// <summary>The SDK's own id of the event, used to drop retried duplicates.</summary>
    public Guid? ClientEventId { get; init; }

    /// <summary>The SDK session.</summary>
    public required Guid SessionId { get; init; }

    /// <summary>The error message (1..10,000 characters).</summary>
    public required string Message { get; init; }

    /// <summary>The end user id.</summary>
    public string? UserId { get; init; }

    /// <summary>The module that raised the error.</summary>
    public string? SourceModule { get; init; }

    /// <summary>The screen shown when it happened.</summary>
    public string? ScreenName { get; init; }

    /// <summary>String attributes (values cut to 200 characters, <c>_error_stack</c> to 16,000).</summary>
    public IReadOnlyDictionary<string, string> CustomAttributes { get; init; } = new Dictionary<string, string>();

    /// <summary>The runtime environment.</summary>
    public string? Environment { get; init; }

    /// <summary>The OS version.</summary>
    public string? OsVersion { get; init; }

    /// <summary>The app version.</summary>
    public string? AppVersion { get; init; }

    /// <summary>The SDK name.</summary>
    public string? SdkName { get; init; }

    /// <summary>The SDK version.</summary>
    public string? SdkVersion { get; init; }

    /// <summary>The app build number.</summary>
    public string? BuildNumber { get; init; }

    /// <summary>The device model.</summary>
    public string? DeviceModel { get; init; }

    /// <summary>Whether the app ran in development mode.</summary>
    public bool IsDev { get; init; }

    /// <summary>The sender's two-letter country code.</summary>
    public string? CountryCode { get; init; }

    /// <summary>When the event happened (validated: at most 5 minutes ahead, 30 days back).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>When the server accepted it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
}
