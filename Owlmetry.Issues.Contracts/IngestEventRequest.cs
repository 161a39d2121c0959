namespace Owlmetry.Issues.Contracts;

/// <summary>
/// One event of an ingest batch, as an SDK sends it. Only <c>error</c> events are stored (the others are validated and
/// acknowledged); ids are sent as text, so that a malformed one refuses its event rather than the batch.
/// </summary>
public sealed record IngestEventRequest
{
    /// <summary>The error message; required.</summary>
    public string? Message { get; init; }

    /// <summary>The level: <c>error</c>, <c>warn</c>, <c>info</c> or <c>debug</c>; required.</summary>
    public string? Level { get; init; }

    /// <summary>The SDK session (a UUID); required.</summary>
    public string? SessionId { get; init; }

    /// <summary>The SDK's own id of the event (a UUID); a resent event with the same id is stored once.</summary>
    public string? ClientEventId { get; init; }

    /// <summary>The app user, if any.</summary>
    public string? UserId { get; init; }

    /// <summary>The module the error came from.</summary>
    public string? SourceModule { get; init; }

    /// <summary>The screen the app showed.</summary>
    public string? ScreenName { get; init; }

    /// <summary>Custom attributes, strings only.</summary>
    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }

    /// <summary>The runtime environment, e.g. <c>ios</c> or <c>backend</c>.</summary>
    public string? Environment { get; init; }

    /// <summary>The operating system version.</summary>
    public string? OsVersion { get; init; }

    /// <summary>The app version, which regression detection compares.</summary>
    public string? AppVersion { get; init; }

    /// <summary>The SDK name.</summary>
    public string? SdkName { get; init; }

    /// <summary>The SDK version.</summary>
    public string? SdkVersion { get; init; }

    /// <summary>The build number.</summary>
    public string? BuildNumber { get; init; }

    /// <summary>The device model.</summary>
    public string? DeviceModel { get; init; }

    /// <summary>Whether the app is a development build.</summary>
    public bool? IsDev { get; init; }

    /// <summary>When the event happened (ISO-8601); the server's time when left out.</summary>
    public string? Timestamp { get; init; }
}
