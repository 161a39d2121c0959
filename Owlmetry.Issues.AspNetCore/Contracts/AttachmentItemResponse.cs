using System.Diagnostics.CodeAnalysis;

namespace Owlmetry.Issues.AspNetCore.Contracts;

/// <summary>An attachment as the attachment routes show it: the issue detail's fields and where it came from.</summary>
public record AttachmentItemResponse
{
    [SetsRequiredMembers]
    protected AttachmentItemResponse(IssueAttachment a)
    {
        Id = a.Id;
        ProjectId = a.ProjectId;
        AppId = a.AppId;
        IssueId = a.IssueId;
        EventId = a.EventId;
        EventClientId = a.ClientEventId;
        UserId = a.UserId;
        IsDev = a.IsDev;
        OriginalFilename = a.OriginalFilename;
        ContentType = a.ContentType;
        SizeBytes = a.SizeBytes;
        Sha256 = a.Sha256;
        UploadedAt = a.UploadedAt;
        CreatedAt = a.CreatedAt;
    }

    public required Guid Id { get; init; }

    public required Guid ProjectId { get; init; }

    public required Guid AppId { get; init; }

    public required Guid? IssueId { get; init; }

    public required Guid? EventId { get; init; }

    public required Guid EventClientId { get; init; }

    public required string? UserId { get; init; }

    public required bool IsDev { get; init; }

    public required string OriginalFilename { get; init; }

    public required string ContentType { get; init; }

    public required long SizeBytes { get; init; }

    public required string Sha256 { get; init; }

    public required DateTimeOffset? UploadedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public static AttachmentItemResponse From(IssueAttachment a) => new(a);
}
