using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>
/// The stored shape of an <see cref="Issue"/>: times as UTC milliseconds, the status as its wire name, and one
/// precomputed sort key per <see cref="IssueSort"/> so every list order is an index range.
/// </summary>
internal sealed class IssueDocument
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public Guid AppId { get; set; }

    public string Status { get; set; } = "";

    public string Title { get; set; } = "";

    public string? SourceModule { get; set; }

    public bool IsDev { get; set; }

    public int OccurrenceCount { get; set; }

    public int UniqueUserCount { get; set; }

    public string? ResolvedAtVersion { get; set; }

    public string? FirstSeenAppVersion { get; set; }

    public string? LastSeenAppVersion { get; set; }

    public string? FirstSeenSdkVersion { get; set; }

    public string? LastSeenSdkVersion { get; set; }

    public long FirstSeenAt { get; set; }

    public long LastSeenAt { get; set; }

    public long? LastNotifiedAt { get; set; }

    public long? SnoozedAt { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public List<string> Fingerprints { get; set; } = [];

    public string? ClaimHolderKind { get; set; }

    public Guid? ClaimHolderId { get; set; }

    public string? ClaimHolderName { get; set; }

    public long? ClaimedAt { get; set; }

    public long? ClaimExpiresAt { get; set; }

    public string LastSeenKey { get; set; } = "";

    public string LastActivityKey { get; set; } = "";

    public string FirstSeenKey { get; set; } = "";

    public string OccurrencesKey { get; set; } = "";

    public string UsersKey { get; set; } = "";

    public string StatusKey { get; set; } = "";

    public static IssueDocument From(Issue issue) => new()
    {
        Id = issue.Id,
        ProjectId = issue.ProjectId,
        AppId = issue.AppId,
        Status = issue.Status.ToWireName(),
        Title = issue.Title,
        SourceModule = issue.SourceModule,
        IsDev = issue.IsDev,
        OccurrenceCount = issue.OccurrenceCount,
        UniqueUserCount = issue.UniqueUserCount,
        ResolvedAtVersion = issue.ResolvedAtVersion,
        FirstSeenAppVersion = issue.FirstSeenAppVersion,
        LastSeenAppVersion = issue.LastSeenAppVersion,
        FirstSeenSdkVersion = issue.FirstSeenSdkVersion,
        LastSeenSdkVersion = issue.LastSeenSdkVersion,
        FirstSeenAt = UnixTime.From(issue.FirstSeenAt),
        LastSeenAt = UnixTime.From(issue.LastSeenAt),
        LastNotifiedAt = UnixTime.From(issue.LastNotifiedAt),
        SnoozedAt = UnixTime.From(issue.SnoozedAt),
        CreatedAt = UnixTime.From(issue.CreatedAt),
        UpdatedAt = UnixTime.From(issue.UpdatedAt),
        Fingerprints = [.. issue.Fingerprints],
        ClaimHolderKind = issue.Claim?.HolderKind.ToWireName(),
        ClaimHolderId = issue.Claim?.HolderId,
        ClaimHolderName = issue.Claim?.HolderName,
        ClaimedAt = UnixTime.From(issue.Claim?.ClaimedAt),
        ClaimExpiresAt = UnixTime.From(issue.Claim?.ExpiresAt),
        LastSeenKey = SortKey(issue, IssueSort.LastSeen),
        LastActivityKey = SortKey(issue, IssueSort.LastActivity),
        FirstSeenKey = SortKey(issue, IssueSort.FirstSeen),
        OccurrencesKey = SortKey(issue, IssueSort.Occurrences),
        UsersKey = SortKey(issue, IssueSort.Users),
        StatusKey = StorageKeys.IssueStatus(issue.ProjectId, issue.IsDev, issue.Status.ToWireName(), issue.AppId, issue.Id),
    };

    public Issue ToIssue() => StoredIssue.Restore(
        new Issue
        {
            Id = Id,
            ProjectId = ProjectId,
            AppId = AppId,
            Title = Title,
            SourceModule = SourceModule,
            IsDev = IsDev,
            OccurrenceCount = OccurrenceCount,
            UniqueUserCount = UniqueUserCount,
            FirstSeenAppVersion = FirstSeenAppVersion,
            LastSeenAppVersion = LastSeenAppVersion,
            FirstSeenSdkVersion = FirstSeenSdkVersion,
            LastSeenSdkVersion = LastSeenSdkVersion,
            FirstSeenAt = UnixTime.ToTime(FirstSeenAt),
            LastSeenAt = UnixTime.ToTime(LastSeenAt),
            LastNotifiedAt = UnixTime.ToTime(LastNotifiedAt),
            CreatedAt = UnixTime.ToTime(CreatedAt),
            UpdatedAt = UnixTime.ToTime(UpdatedAt),
            Fingerprints = [.. Fingerprints],
        },
        WireNames.TryParse<IssueStatus>(Status, out var status)
            ? status
            : throw new InvalidDataException($"Issue {Id} has an unknown stored status '{Status}'."),
        ResolvedAtVersion,
        UnixTime.ToTime(SnoozedAt),
        ToClaim());

    private IssueClaim? ToClaim() =>
        ClaimHolderKind is null || ClaimHolderId is not { } holderId || ClaimedAt is not { } claimedAt || ClaimExpiresAt is not { } expiresAt ? null
        : new IssueClaim(
            WireNames.TryParse<ActorKind>(ClaimHolderKind, out var kind)
                ? kind
                : throw new InvalidDataException($"Issue {Id} has an unknown stored claim holder kind '{ClaimHolderKind}'."),
            holderId,
            ClaimHolderName ?? "",
            UnixTime.ToTime(claimedAt),
            UnixTime.ToTime(expiresAt));

    private static string SortKey(Issue issue, IssueSort sort) =>
        StorageKeys.IssueSort(issue.ProjectId, issue.IsDev, sort.KeyOf(issue));
}
