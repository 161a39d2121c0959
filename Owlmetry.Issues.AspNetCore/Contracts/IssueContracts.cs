using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Querying;

namespace Owlmetry.Issues.AspNetCore.Contracts;

/// <summary>Maps the library's results to the API's response shapes, in one place for every host.</summary>
public static class IssueContracts
{
    /// <summary>The response of an issue.</summary>
    public static IssueResponse ToResponse(this IssueListItem item) => new(item);

    /// <summary>The response of an issue detail.</summary>
    public static IssueDetailResponse ToResponse(this IssueDetail detail) => new(detail);

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

    /// <summary>The response of an attachment.</summary>
    public static AttachmentResponse ToResponse(this IssueAttachment a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new AttachmentResponse(a.Id, a.EventId, a.OriginalFilename, a.ContentType, a.SizeBytes, a.UploadedAt, a.CreatedAt);
    }
}
