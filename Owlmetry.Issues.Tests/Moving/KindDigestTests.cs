using Owlmetry.Issues.Host.Moving;

namespace Owlmetry.Issues.Tests.Moving;

/// <summary>The copy check's per-kind digest: independent of order and of property order, sensitive to any value.</summary>
public sealed class KindDigestTests
{
    private static readonly object[] s_records =
    [
        new { Id = 1, Title = "Connection refused", Attributes = new Dictionary<string, string> { ["zeta"] = "1", ["alpha"] = "2" } },
        new { Id = 2, Title = "Timeout", Attributes = new Dictionary<string, string>() },
        new { Id = 3, Title = "Disk full", Attributes = new Dictionary<string, string> { ["a"] = "b" } },
    ];

    [Test]
    public void Digest_SameRecordsInAnotherOrder_IsTheSame()
    {
        var (forward, backward) = (new KindDigest(), new KindDigest());

        forward.AddRange(s_records);
        backward.AddRange(s_records.Reverse());

        Assert.That((backward.Count, backward.Checksum), Is.EqualTo((3L, forward.Checksum)));
    }

    [Test]
    public void Digest_DictionaryKeysInAnotherOrder_IsTheSame()
    {
        var (given, reordered) = (new KindDigest(), new KindDigest());

        given.Add(new Dictionary<string, string> { ["zeta"] = "1", ["alpha"] = "2" });
        reordered.Add(new Dictionary<string, string> { ["alpha"] = "2", ["zeta"] = "1" });

        Assert.That(reordered.Checksum, Is.EqualTo(given.Checksum));
    }

    [Test]
    public void Digest_OneValueChanged_Differs()
    {
        var (original, changed) = (new KindDigest(), new KindDigest());

        original.AddRange(s_records);
        changed.AddRange(s_records.Take(2));
        changed.Add(new { Id = 3, Title = "Disk ful", Attributes = new Dictionary<string, string> { ["a"] = "b" } });

        Assert.That(changed.Count, Is.EqualTo(original.Count));
        Assert.That(changed.Checksum, Is.Not.EqualTo(original.Checksum));
    }

    [Test]
    public void Digest_ARecordTwice_DiffersFromOnce()
    {
        var (once, twice) = (new KindDigest(), new KindDigest());

        once.Add(s_records[0]);
        twice.Add(s_records[0]);
        twice.Add(s_records[0]);

        Assert.That(twice.Checksum, Is.Not.EqualTo(once.Checksum), "a sum, not an exclusive or: duplicates do not cancel out");
    }

    [Test]
    public void Comparison_CountsEqualChecksumsDiffer_IsAMismatch()
    {
        var (source, target) = (new KindDigest(), new KindDigest());
        source.Add("a");
        target.Add("b");

        var kinds = KindComparison.Compare([("issues", source)], [("issues", target)]);

        Assert.That(kinds.Single().Matches, Is.False);
        Assert.That(KindComparison.Table(kinds, "LiteDB", "PostgreSQL"), Does.Contain("NO"));
    }
}
