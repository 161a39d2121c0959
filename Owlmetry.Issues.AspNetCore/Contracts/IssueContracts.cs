using Owlmetry.Issues.Access;
using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Querying;

namespace Owlmetry.Issues.AspNetCore.Contracts;

/// <summary>Maps the library's results to the API's response shapes, in one place for every host.</summary>
public static class IssueContracts
{
    /// <summary>The response of an issue.</summary>
    public static IssueResponse ToResponse(this IssueListItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var issue = item.Issue;
        return new IssueResponse
        {
            Id = issue.Id,
            AppId = issue.AppId,
            ProjectId = issue.ProjectId,
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
            FirstSeenAt = issue.FirstSeenAt,
            LastSeenAt = issue.LastSeenAt,
            LastNotifiedAt = issue.LastNotifiedAt,
            SnoozedAt = issue.SnoozedAt,
            CreatedAt = issue.CreatedAt,
            UpdatedAt = issue.UpdatedAt,
            Fingerprints = issue.Fingerprints,
            AppName = item.AppName,
            ProjectName = item.ProjectName,
            Claim = issue.Claim is { } claim
                ? new ClaimResponse(claim.HolderKind.ToWireName(), claim.HolderId, claim.HolderName, claim.ClaimedAt, claim.ExpiresAt)
                : null,
        };
    }

    /// <summary>The response of an issue detail.</summary>
    public static IssueDetailResponse ToResponse(this IssueDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return new IssueDetailResponse(
            detail.Item.ToResponse(),
            detail.Occurrences.Select(ToResponse).ToList(),
            detail.OccurrenceCursor,
            detail.OccurrenceHasMore,
            detail.Comments.Select(ToResponse).ToList(),
            detail.Attachments.Select(ToResponse).ToList());
    }

    /// <summary>The response of a page of issues.</summary>
    public static IssueListResponse ToResponse(this IssuePage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new IssueListResponse(page.Issues.Select(ToResponse).ToList(), page.Cursor, page.HasMore);
    }

    /// <summary>The response of an occurrence.</summary>
    public static OccurrenceResponse ToResponse(this IssueOccurrence o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new OccurrenceResponse(
            o.Id, o.IssueId, o.SessionId, o.UserId, o.AppUserId, o.AppVersion, o.SdkName, o.SdkVersion, o.Environment,
            o.EventId, o.CountryCode, o.Timestamp, o.CreatedAt);
    }

    /// <summary>The response of a comment.</summary>
    public static CommentResponse ToResponse(this IssueComment c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var authorType = c.Author.Type == AuthorType.User ? "user" : "agent";
        return new CommentResponse(c.Id, c.IssueId, authorType, c.Author.Id, c.Author.Name, c.Body, c.CreatedAt, c.UpdatedAt);
    }

    /// <summary>The response of a list of comments.</summary>
    public static CommentListResponse ToResponse(this IReadOnlyList<IssueComment> comments)
    {
        ArgumentNullException.ThrowIfNull(comments);
        return new CommentListResponse(comments.Select(ToResponse).ToList());
    }

    /// <summary>The response of an attachment, as an issue detail lists it.</summary>
    public static AttachmentResponse ToResponse(this IssueAttachment a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new AttachmentResponse(a.Id, a.EventId, a.OriginalFilename, a.ContentType, a.SizeBytes, a.UploadedAt, a.CreatedAt);
    }

    /// <summary>The response of an issue's overview.</summary>
    public static IssueOverviewResponse ToResponse(this IssueOverview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        return new IssueOverviewResponse(
            overview.IssueId,
            overview.Status.ToWireName(),
            [.. overview.AllowedTargets.Select(s => s.ToWireName())],
            [.. overview.DailyCounts.Select(d => new DailyCountResponse(d.Date, d.Count))],
            new IssueBreakdownsResponse(Counts(overview.ByAppVersion), Counts(overview.ByEnvironment), Counts(overview.ByCountry)),
            [.. overview.Activity.Select(ToResponse)],
            [.. overview.Comments.Select(c => new CommentPermissionResponse(c.CommentId, c.CanEdit, c.CanDelete))]);
    }

    /// <summary>The response of an audit record, as an issue's activity.</summary>
    public static IssueActivityResponse ToResponse(this AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new IssueActivityResponse(
            record.Action, record.ActorKind.ToWireName(), record.ActorId, record.ActorName,
            record.FromStatus.ToWireName(), record.ToStatus.ToWireName(), record.FromResolvedAtVersion, record.ToResolvedAtVersion,
            record.MergedIssueId, record.CreatedAt)
        {
            CommentId = record.CommentId,
        };
    }

    /// <summary>The response of an issue list's counts per status.</summary>
    public static IssueCountsResponse ToResponse(this IssueStatusCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new IssueCountsResponse(counts.Total, counts.ByStatus.ToDictionary(c => c.Key.ToWireName(), c => c.Value));
    }

    /// <summary>The response of several issues' 14-day charts.</summary>
    public static IssueDailyCountsListResponse ToResponse(this IReadOnlyList<IssueDailyCounts> charts)
    {
        ArgumentNullException.ThrowIfNull(charts);
        return new IssueDailyCountsListResponse(
            [.. charts.Select(c => new IssueDailyCountsResponse(c.IssueId, [.. c.DailyCounts.Select(d => new DailyCountResponse(d.Date, d.Count))]))]);
    }

    private static List<ValueCountResponse> Counts(IReadOnlyList<ValueCount> counts) => [.. counts.Select(c => new ValueCountResponse(c.Value, c.Count))];
}
