namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// The content type a download is served with. The declared type is the SDK's claim, so only types a browser
/// shows inertly are passed on; anything else (HTML, SVG, XML, scripts) is served as opaque bytes.
/// </summary>
internal static class DownloadContentType
{
    public const string Opaque = "application/octet-stream";

    private static readonly HashSet<string> s_inert = new(StringComparer.Ordinal)
    {
        "text/plain", "text/csv", "application/json", "application/pdf", "application/zip", "application/gzip",
        "application/x-gzip", "application/x-tar", "application/octet-stream", "image/png", "image/jpeg", "image/gif",
        "image/webp", "image/heic", "video/mp4", "video/quicktime", "audio/mpeg",
    };

    public static string Of(string declared)
    {
        var essence = declared.Split(';', 2)[0].Trim().ToLowerInvariant();
        return s_inert.Contains(essence) ? essence : Opaque;
    }
}
