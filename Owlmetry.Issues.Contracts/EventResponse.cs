namespace Owlmetry.Issues.Contracts;

/// <summary>
/// A stored event in the reference's shape. Only error events are stored, so <c>level</c> is always <c>error</c>; the
/// reference's <c>locale</c> and <c>preferred_language</c> are not kept by this server's ingest and are left out.
/// </summary>
public record EventResponse
{
    /// <summary>The id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The app that sent it.</summary>
    public required Guid AppId { get; init; }

    /// <summary>The project.</summary>
    public required Guid ProjectId { get; init; }

    /// <summary>The SDK session.</summary>
    public required Guid SessionId { get; init; }

    /// <summary>The SDK's id of the event, if it sent one.</summary>
    public required Guid? ClientEventId { get; init; }

    /// <summary>The app user the SDK named, if any.</summary>
    public required string? UserId { get; init; }

    /// <summary>Always <c>error</c>: only error events are stored.</summary>
    public string Level => "error";

    /// <summary>The module the error came from.</summary>
    public required string? SourceModule { get; init; }

    /// <summary>The error message.</summary>
    public required string Message { get; init; }

    /// <summary>The screen the app showed.</summary>
    public required string? ScreenName { get; init; }

    /// <summary>The SDK's custom attributes.</summary>
    public required IReadOnlyDictionary<string, string> CustomAttributes { get; init; }

    /// <summary>The runtime environment (e.g. <c>ios</c>, <c>backend</c>).</summary>
    public required string? Environment { get; init; }

    /// <summary>The operating system version.</summary>
    public required string? OsVersion { get; init; }

    /// <summary>The app version.</summary>
    public required string? AppVersion { get; init; }

    /// <summary>The SDK name.</summary>
    public required string? SdkName { get; init; }

    /// <summary>The SDK version.</summary>
    public required string? SdkVersion { get; init; }

    /// <summary>The build number.</summary>
    public required string? BuildNumber { get; init; }

    /// <summary>The device model.</summary>
    public required string? DeviceModel { get; init; }

    /// <summary>The sender's two-letter country, if known.</summary>
    public required string? CountryCode { get; init; }

    /// <summary>Whether it came from a development build.</summary>
    public required bool IsDev { get; init; }

    /// <summary>When the event happened, by the client.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>When the server received it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
}
