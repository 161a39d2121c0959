namespace Owlmetry.Issues.Testing;

/// <summary>One occurrence of an <see cref="IssueSeed"/>; unset members get fresh or current values.</summary>
public sealed record OccurrenceSeed
{
    /// <summary>The session; a new one when null.</summary>
    public Guid? SessionId { get; init; }

    /// <summary>The user id.</summary>
    public string? UserId { get; init; }

    /// <summary>The app version.</summary>
    public string? AppVersion { get; init; }

    /// <summary>The SDK version.</summary>
    public string? SdkVersion { get; init; }

    /// <summary>When the event happened; the clock's time when null.</summary>
    public DateTimeOffset? Timestamp { get; init; }
}
