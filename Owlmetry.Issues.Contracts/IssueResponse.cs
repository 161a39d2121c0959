using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Contracts;

/// <summary>An issue as the API returns it in lists and after status changes and merges.</summary>
public class IssueResponse
{
    /// <summary>Creates an empty response, for deserialization.</summary>
    public IssueResponse()
    {
    }

    /// <summary>Copies another response's members, for a derived response that adds its own.</summary>
    /// <param name="other">The response to copy.</param>
    [SetsRequiredMembers]
    protected IssueResponse(IssueResponse other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Id = other.Id;
        AppId = other.AppId;
        ProjectId = other.ProjectId;
        Status = other.Status;
        Title = other.Title;
        SourceModule = other.SourceModule;
        IsDev = other.IsDev;
        OccurrenceCount = other.OccurrenceCount;
        UniqueUserCount = other.UniqueUserCount;
        ResolvedAtVersion = other.ResolvedAtVersion;
        FirstSeenAppVersion = other.FirstSeenAppVersion;
        LastSeenAppVersion = other.LastSeenAppVersion;
        FirstSeenSdkVersion = other.FirstSeenSdkVersion;
        LastSeenSdkVersion = other.LastSeenSdkVersion;
        FirstSeenAt = other.FirstSeenAt;
        LastSeenAt = other.LastSeenAt;
        LastNotifiedAt = other.LastNotifiedAt;
        SnoozedAt = other.SnoozedAt;
        CreatedAt = other.CreatedAt;
        UpdatedAt = other.UpdatedAt;
        Fingerprints = other.Fingerprints;
        AppName = other.AppName;
        ProjectName = other.ProjectName;
        Claim = other.Claim;
    }

    /// <summary>The issue id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The app id.</summary>
    public required Guid AppId { get; init; }

    /// <summary>The project id.</summary>
    public required Guid ProjectId { get; init; }

    /// <summary>The status wire name: new, in_progress, resolved, silenced, regressed or snoozed.</summary>
    public required string Status { get; init; }

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>The module that raised the error.</summary>
    public required string? SourceModule { get; init; }

    /// <summary>Whether the issue is made of development events.</summary>
    public required bool IsDev { get; init; }

    /// <summary>Occurrences, one per session.</summary>
    public required int OccurrenceCount { get; init; }

    /// <summary>Distinct users.</summary>
    public required int UniqueUserCount { get; init; }

    /// <summary>The fix version while resolved.</summary>
    public required string? ResolvedAtVersion { get; init; }

    /// <summary>App version of the earliest occurrence carrying one.</summary>
    public required string? FirstSeenAppVersion { get; init; }

    /// <summary>App version of the latest occurrence carrying one.</summary>
    public required string? LastSeenAppVersion { get; init; }

    /// <summary>SDK version of the earliest occurrence carrying one.</summary>
    public required string? FirstSeenSdkVersion { get; init; }

    /// <summary>SDK version of the latest occurrence carrying one.</summary>
    public required string? LastSeenSdkVersion { get; init; }

    /// <summary>Earliest occurrence.</summary>
    public required DateTimeOffset FirstSeenAt { get; init; }

    /// <summary>Latest occurrence.</summary>
    public required DateTimeOffset LastSeenAt { get; init; }

    /// <summary>When a notification last mentioned the issue.</summary>
    public required DateTimeOffset? LastNotifiedAt { get; init; }

    /// <summary>When the issue was snoozed, while snoozed.</summary>
    public required DateTimeOffset? SnoozedAt { get; init; }

    /// <summary>Creation time.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last activity time.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The fingerprint hashes aliased to the issue.</summary>
    public required IReadOnlyList<string> Fingerprints { get; init; }

    /// <summary>The app's name.</summary>
    public required string? AppName { get; init; }

    /// <summary>Who holds a work lease on the issue and until when; null while nobody does (a lapsed claim is null).</summary>
    public ClaimResponse? Claim { get; init; }

    /// <summary>The project's name; present in cross-project lists only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ProjectName { get; init; }
}
