namespace Owlmetry.Issues.Attachments;

/// <summary>What one run of the attachment cleanup removed.</summary>
/// <param name="DeletedPurged">Soft-deleted attachments purged, row and bytes.</param>
/// <param name="AbandonedPurged">Reservations purged whose bytes never arrived.</param>
/// <param name="LandingsForgotten">Event landings forgotten after their retention.</param>
public sealed record AttachmentCleanupResult(int DeletedPurged, int AbandonedPurged, int LandingsForgotten);
