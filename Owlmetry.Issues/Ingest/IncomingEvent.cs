namespace Owlmetry.Issues.Ingest;

/// <summary>An event as an SDK sent it, before validation: every field is optional here and checked by ingest.</summary>
public sealed record IncomingEvent
{
    /// <summary>The message (required, 1..10,000 characters).</summary>
    public string? Message { get; init; }

    /// <summary>The level (required): <c>info</c>, <c>debug</c>, <c>warn</c> or <c>error</c>.</summary>
    public string? Level { get; init; }

    /// <summary>The session id (required UUID).</summary>
    public string? SessionId { get; init; }

    /// <summary>The SDK's event id (optional UUID), used to drop duplicates.</summary>
    public string? ClientEventId { get; init; }

    /// <summary>The end user id (at most 255 characters).</summary>
    public string? UserId { get; init; }

    /// <summary>The module (at most 255 characters).</summary>
    public string? SourceModule { get; init; }

    /// <summary>The screen (at most 255 characters).</summary>
    public string? ScreenName { get; init; }

    /// <summary>String attributes; long values are cut, not refused.</summary>
    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }

    /// <summary>The environment, which must suit the app's platform.</summary>
    public string? Environment { get; init; }

    /// <summary>The OS version (at most 50 characters).</summary>
    public string? OsVersion { get; init; }

    /// <summary>The app version (at most 50 characters).</summary>
    public string? AppVersion { get; init; }

    /// <summary>The SDK name (at most 50 characters).</summary>
    public string? SdkName { get; init; }

    /// <summary>The SDK version (at most 50 characters).</summary>
    public string? SdkVersion { get; init; }

    /// <summary>The build number (at most 50 characters).</summary>
    public string? BuildNumber { get; init; }

    /// <summary>The device model (at most 100 characters).</summary>
    public string? DeviceModel { get; init; }

    /// <summary>Development mode; false when absent.</summary>
    public bool? IsDev { get; init; }

    /// <summary>ISO-8601 time of the event; the server's time when absent.</summary>
    public string? Timestamp { get; init; }

    /// <summary>Why the event could not be read at all (e.g. a field of the wrong JSON type); such an event is rejected with this reason.</summary>
    public string? ShapeError { get; init; }
}
