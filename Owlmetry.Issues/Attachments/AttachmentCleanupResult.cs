namespace Owlmetry.Issues.Attachments;

/// <summary>What one run of the attachment cleanup removed.</summary>
/// <param name="DeletedPurged">Soft-deleted attachments purged, row and bytes.</param>
/// <param name="AbandonedPurged">Reservations purged whose bytes never arrived.</param>
public sealed record AttachmentCleanupResult(int DeletedPurged, int AbandonedPurged);
