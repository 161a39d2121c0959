namespace Owlmetry.Issues.Domain;

/// <summary>One error event grouped into an issue. An issue has at most one occurrence per session.</summary>
public sealed record IssueOccurrence
{
    /// <summary>The occurrence id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The issue the occurrence belongs to.</summary>
    public required Guid IssueId { get; init; }

    /// <summary>The SDK session that produced the event.</summary>
    public required Guid SessionId { get; init; }

    /// <summary>The end user id the SDK reported, if any.</summary>
    public string? UserId { get; init; }

    /// <summary>The app-user directory id of <see cref="UserId"/>; null where the host has no such directory.</summary>
    public Guid? AppUserId { get; init; }

    /// <summary>The app version of the event.</summary>
    public string? AppVersion { get; init; }

    /// <summary>The SDK that sent the event.</summary>
    public string? SdkName { get; init; }

    /// <summary>The SDK version that sent the event.</summary>
    public string? SdkVersion { get; init; }

    /// <summary>The runtime environment (ios, android, web, backend, …).</summary>
    public string? Environment { get; init; }

    /// <summary>The stored event this occurrence stands for.</summary>
    public required Guid EventId { get; init; }

    /// <summary>Two-letter country code of the sender, if known.</summary>
    public string? CountryCode { get; init; }

    /// <summary>When the event happened (client clock, validated at ingest).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>When the occurrence was recorded.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
