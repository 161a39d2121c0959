using Microsoft.Extensions.Options;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Attachments;

/// <summary>The attachment operations, split by concern over partial files: ingest (reserve, upload), reading and deleting.</summary>
internal sealed partial class AttachmentService(
    IIssueStore store,
    IIssueDirectory directory,
    IAttachmentBlobStore blobs,
    TimeProvider timeProvider,
    IOptions<IssuesOptions> issuesOptions,
    IOptions<AttachmentOptions> options,
    AttachmentDownloadSigner signer,
    AttachmentUploadGate gate,
    IFingerprintStrategy fingerprints)
    : IAttachmentService
{
    private static readonly IssueError s_attachmentNotFound = IssueError.NotFound("Attachment not found");
    private static readonly IssueError s_appNotFound = IssueError.NotFound("App not found");
    private static readonly IssueError s_projectNotFound = IssueError.NotFound("Project not found");
    private static readonly IssueError s_issueNotFound = IssueError.NotFound("Issue not found");

    private readonly IssuesOptions _issuesOptions = issuesOptions.Value;
    private readonly AttachmentOptions _options = options.Value;

    /// <summary>The project of an attachment or query, when the actor's teams include its owner; null otherwise.</summary>
    private async Task<ProjectInfo?> VisibleProjectAsync(Actor actor, Guid projectId, CancellationToken ct)
    {
        var project = await directory.FindProjectAsync(projectId, ct).ConfigureAwait(false);
        return project is not null && actor.IsIn(project.TeamId) ? project : null;
    }

    /// <summary>An attachment the actor may see: it exists, is not deleted, and its project is one of the actor's teams'.</summary>
    private async Task<IssueResult<(IssueAttachment Attachment, ProjectInfo Project)>> FindVisibleAsync(Actor actor, Guid attachmentId, CancellationToken ct)
    {
        var attachment = await store.ReadAsync(r => r.FindAttachmentAsync(attachmentId), ct).ConfigureAwait(false);
        if (attachment is null || attachment.DeletedAt is not null)
        {
            return s_attachmentNotFound;
        }

        return await VisibleProjectAsync(actor, attachment.ProjectId, ct).ConfigureAwait(false) is { } project
            ? (attachment, project)
            : s_attachmentNotFound;
    }

    private DateTimeOffset UploadExpiresAt(IssueAttachment attachment) => attachment.CreatedAt + _options.UploadWindow;
}
