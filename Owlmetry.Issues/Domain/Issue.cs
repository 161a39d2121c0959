using Owlmetry.Issues.Lifecycle;
using Owlmetry.Issues.Services;

namespace Owlmetry.Issues.Domain;

/// <summary>
/// A group of error events sharing one or more fingerprints. Immutable: changes go through
/// <see cref="IIssueService"/>, the lifecycle state machine or the scan, which produce new instances. Its lifecycle
/// state (<see cref="Status"/>, <see cref="ResolvedAtVersion"/>, <see cref="SnoozedAt"/>) only the lifecycle changes.
/// </summary>
public sealed record Issue
{
    /// <summary>The issue id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The project the issue belongs to.</summary>
    public required Guid ProjectId { get; init; }

    /// <summary>The app whose events formed the issue.</summary>
    public required Guid AppId { get; init; }

    /// <summary>The lifecycle status.</summary>
    public IssueStatus Status { get; internal init; } = IssueStatus.New;

    /// <summary>A short human readable title, usually the first error message.</summary>
    public required string Title { get; init; }

    /// <summary>The module that raised the error, when the SDK reported one.</summary>
    public string? SourceModule { get; init; }

    /// <summary>Whether the issue is made of development-mode events. Dev and prod never share an issue.</summary>
    public bool IsDev { get; init; }

    /// <summary>Number of occurrences (one per session).</summary>
    public int OccurrenceCount { get; init; }

    /// <summary>Number of distinct non-null user ids among the occurrences.</summary>
    public int UniqueUserCount { get; init; }

    /// <summary>The app version that fixed the issue; set while <see cref="Status"/> is resolved.</summary>
    public string? ResolvedAtVersion { get; internal init; }

    /// <summary>App version of the earliest occurrence carrying one.</summary>
    public string? FirstSeenAppVersion { get; init; }

    /// <summary>App version of the latest occurrence carrying one.</summary>
    public string? LastSeenAppVersion { get; init; }

    /// <summary>SDK version of the earliest occurrence carrying one.</summary>
    public string? FirstSeenSdkVersion { get; init; }

    /// <summary>SDK version of the latest occurrence carrying one.</summary>
    public string? LastSeenSdkVersion { get; init; }

    /// <summary>Timestamp of the earliest occurrence.</summary>
    public required DateTimeOffset FirstSeenAt { get; init; }

    /// <summary>Timestamp of the latest occurrence.</summary>
    public required DateTimeOffset LastSeenAt { get; init; }

    /// <summary>When a notification last mentioned the issue.</summary>
    public DateTimeOffset? LastNotifiedAt { get; init; }

    /// <summary>When the issue entered <see cref="IssueStatus.Snoozed"/>; null in any other status.</summary>
    public DateTimeOffset? SnoozedAt { get; internal init; }

    /// <summary>When the issue was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Bumped by every status change, comment, merge and new occurrence.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The work lease on the issue as stored, or null. It may have lapsed: <see cref="IssueClaim.IsActiveAt"/> tells;
    /// the issue service shows only active claims. Only the service's claim operations change it.
    /// </summary>
    public IssueClaim? Claim { get; internal init; }

    /// <summary>The fingerprint hashes aliased to this issue.</summary>
    public IReadOnlyList<string> Fingerprints { get; init; } = [];
}
