namespace Owlmetry.Issues.Contracts;

/// <summary>An attachment as an issue detail lists it.</summary>
/// <param name="Id">The attachment id.</param>
/// <param name="EventId">The server id of the event it was uploaded with; null until the event is scanned.</param>
/// <param name="OriginalFilename">The file name.</param>
/// <param name="ContentType">The media type.</param>
/// <param name="SizeBytes">The size.</param>
/// <param name="UploadedAt">When the upload finished, or null while reserved.</param>
/// <param name="CreatedAt">When it was reserved.</param>
public sealed record AttachmentResponse(
    Guid Id, Guid? EventId, string OriginalFilename, string ContentType, long SizeBytes, DateTimeOffset? UploadedAt, DateTimeOffset CreatedAt);
