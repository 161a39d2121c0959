using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Attachments;

/// <summary>A reserved attachment and the time its upload window closes.</summary>
/// <param name="Attachment">The reserved attachment (not yet uploaded, unless an earlier identical reservation is returned again).</param>
/// <param name="UploadExpiresAt">When an upload stops being accepted (410) and the reservation is left for the cleanup.</param>
public sealed record AttachmentReservation(IssueAttachment Attachment, DateTimeOffset UploadExpiresAt);
