namespace Owlmetry.Issues.AspNetCore;

/// <summary>How the Issues API is mounted in the host: its authentication scheme and the host's rate-limiting policies.</summary>
public sealed class OwlmetryIssuesApiOptions
{
    /// <summary>The authorization policy that guards every authenticated route of the API; a host may put its own routes behind it.</summary>
    public const string AuthorizationPolicyName = "OwlmetryIssues";

    /// <summary>
    /// The most bytes a JSON body of the API may hold, after decompression (ingest's: 1 MiB): a comment at its longest
    /// (10,000 characters) written as JSON escapes takes 60,000 bytes, and everything else the API takes is smaller.
    /// Over it, 413.
    /// </summary>
    public const int MaxJsonBodyBytes = 256 * 1024;

    /// <summary>
    /// The authentication scheme that authenticates the API's callers; the host's own. Null uses the application's
    /// default scheme.
    /// </summary>
    public string? AuthenticationScheme { get; set; }

    /// <summary>A rate-limiting policy of the host applied to event and attachment ingest, or null for none.</summary>
    public string? IngestRateLimitingPolicy { get; set; }

    /// <summary>A rate-limiting policy of the host applied to the anonymous signed-link download, or null for none.</summary>
    public string? DownloadRateLimitingPolicy { get; set; }
}
