namespace Owlmetry.Issues.Attachments;

/// <summary>
/// Options of attachments (CONTRACT §8): size limits, quotas, how long links and reservations live, and when the
/// cleanup purges. Configured through <c>ConfigureAttachments(o => …)</c>.
/// </summary>
public sealed class AttachmentOptions
{
    /// <summary>One mebibyte, the unit the defaults are given in.</summary>
    public const long MiB = 1024 * 1024;

    /// <summary>The largest attachment accepted. Default 250 MiB.</summary>
    public long MaxAttachmentBytes { get; set; } = 250 * MiB;

    /// <summary>The most bytes of live attachments one end user (<c>user_id</c>) of a project may hold. Default 250 MiB.</summary>
    public long UserQuotaBytes { get; set; } = 250 * MiB;

    /// <summary>The most bytes of live attachments one project may hold. Default 5 GiB.</summary>
    public long ProjectQuotaBytes { get; set; } = 5 * 1024 * MiB;

    /// <summary>
    /// How long a reservation waits for its bytes: an upload later than this is refused (410), and the cleanup purges
    /// the reservation. Default 24 hours.
    /// </summary>
    public TimeSpan UploadWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a soft-deleted attachment is kept before the cleanup purges its row and bytes. Default 7 days.</summary>
    public TimeSpan DeletedRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a signed download link works. Default 60 seconds.</summary>
    public TimeSpan DownloadLinkLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the background cleanup runs (see <c>AddAttachmentCleanup</c>). Default 1 hour.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The HMAC-SHA256 key that signs download links, at least 32 bytes. When null, a random key is made per process,
    /// so links die with the process; a host that restarts sets a stable key (the server derives one from its secret).
    /// </summary>
    public byte[]? DownloadSigningKey { get; set; }
}
