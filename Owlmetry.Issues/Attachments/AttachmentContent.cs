using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Attachments;

/// <summary>The bytes of an attachment, opened for a download; the caller disposes <see cref="Content"/>.</summary>
/// <param name="Attachment">The attachment.</param>
/// <param name="Content">Its bytes, as a stream.</param>
public sealed record AttachmentContent(IssueAttachment Attachment, Stream Content);
