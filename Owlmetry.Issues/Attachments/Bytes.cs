using System.Globalization;

namespace Owlmetry.Issues.Attachments;

/// <summary>Byte figures in messages: exact, and in MiB for people.</summary>
internal static class Bytes
{
    public static string Describe(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes ({bytes / (double)AttachmentOptions.MiB:0.##} MiB)");
}
