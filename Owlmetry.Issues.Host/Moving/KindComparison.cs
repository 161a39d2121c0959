using System.Text;

namespace Owlmetry.Issues.Host.Moving;

/// <summary>One kind of record on both sides of a copy: counts and checksums, and whether they agree.</summary>
internal sealed record KindComparison(string Kind, long SourceCount, long TargetCount, string SourceChecksum, string TargetChecksum)
{
    public bool Matches => SourceCount == TargetCount && SourceChecksum == TargetChecksum;

    /// <summary>The kinds of <paramref name="source"/> and <paramref name="target"/>, which <see cref="StoreDigest"/> lists in the same order.</summary>
    public static IReadOnlyList<KindComparison> Compare(
        IReadOnlyList<(string Kind, KindDigest Digest)> source, IReadOnlyList<(string Kind, KindDigest Digest)> target)
    {
        var targets = target.ToDictionary(t => t.Kind, t => t.Digest);
        return source.Select(s => targets.TryGetValue(s.Kind, out var t)
                ? new KindComparison(s.Kind, s.Digest.Count, t.Count, s.Digest.Checksum, t.Checksum)
                : new KindComparison(s.Kind, s.Digest.Count, 0, s.Digest.Checksum, ""))
            .ToList();
    }

    /// <summary>A plain-text table: kind, both counts, the checksum's first digits, and the verdict.</summary>
    public static string Table(IReadOnlyList<KindComparison> kinds, string sourceName, string targetName)
    {
        var text = new StringBuilder();
        text.AppendLine($"  {"kind",-20} {sourceName,12} {targetName,12}  {"checksum",-16}  match");
        foreach (var k in kinds)
        {
            var checksum = k.SourceChecksum == k.TargetChecksum ? k.SourceChecksum[..16] : $"{k.SourceChecksum[..7]}≠{k.TargetChecksum[..Math.Min(8, k.TargetChecksum.Length)]}";
            text.AppendLine($"  {k.Kind,-20} {k.SourceCount,12} {k.TargetCount,12}  {checksum,-16}  {(k.Matches ? "yes" : "NO")}");
        }

        return text.ToString();
    }
}
