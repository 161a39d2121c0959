namespace Owlmetry.Issues.Storage.LiteDb.Files;

/// <summary>What this store reads of LiteDB 5's page layout: 8 KiB pages, and the header byte set on a commit's last page.</summary>
internal static class LiteDbPages
{
    public const int PageSize = 8192;
    private const int IsConfirmedOffset = 18;

    /// <summary>Whether <paramref name="page"/> is the confirming page of a commit: recovery replays a transaction once it finds it.</summary>
    public static bool IsConfirming(ReadOnlySpan<byte> page) => page.Length == PageSize && page[IsConfirmedOffset] == 1;
}
