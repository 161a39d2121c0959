using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>Builds an uploaded <see cref="IssueAttachment"/> linked to an issue, created at <see cref="TestTimes.Base"/>.</summary>
internal sealed class AttachmentBuilder
{
    private IssueAttachment _attachment;

    public AttachmentBuilder(Guid? issueId)
    {
        _attachment = new IssueAttachment
        {
            Id = Guid.NewGuid(),
            ProjectId = TestIds.Project,
            AppId = TestIds.App,
            IssueId = issueId,
            ClientEventId = Guid.NewGuid(),
            EventId = Guid.NewGuid(),
            UserId = "user-1",
            IsDev = true,
            OriginalFilename = "crash-report.json",
            ContentType = "application/json",
            SizeBytes = 2_048,
            Sha256 = new string('a', 64),
            UploadedAt = TestTimes.Base,
            CreatedAt = TestTimes.Base,
        };
    }

    public AttachmentBuilder WithId(Guid id) => With(_attachment with { Id = id });

    public AttachmentBuilder InProject(Guid projectId) => With(_attachment with { ProjectId = projectId });

    public AttachmentBuilder OfClientEvent(Guid appId, Guid clientEventId) => With(_attachment with { AppId = appId, ClientEventId = clientEventId });

    public AttachmentBuilder OfEvent(Guid? eventId) => With(_attachment with { EventId = eventId });

    public AttachmentBuilder ByUser(string? userId) => With(_attachment with { UserId = userId });

    public AttachmentBuilder Sized(long bytes) => With(_attachment with { SizeBytes = bytes });

    public AttachmentBuilder CreatedAt(DateTimeOffset time) => With(_attachment with { CreatedAt = time });

    public AttachmentBuilder NotUploaded() => With(_attachment with { UploadedAt = null });

    public AttachmentBuilder DeletedAt(DateTimeOffset time) => With(_attachment with { DeletedAt = time });

    public IssueAttachment Build() => _attachment;

    private AttachmentBuilder With(IssueAttachment attachment)
    {
        _attachment = attachment;
        return this;
    }
}
