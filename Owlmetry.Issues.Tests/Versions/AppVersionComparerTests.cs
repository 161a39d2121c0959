using Owlmetry.Issues.Versions;

namespace Owlmetry.Issues.Tests.Versions;

public sealed class AppVersionComparerTests
{
    private static readonly string s_huge = "1" + new string('0', 499);
    private static readonly string s_hugePlusOne = "1" + new string('0', 498) + "1";
    private static readonly string s_allNines = new('9', 499);

    private static readonly string?[] s_corpus =
    [
        null, "", " ", "\t", "v", "V", "vv1", "()", "(", ")", "v()", "-", "+", ".", "..", "1..2", "1.", ".1",
        "0", "00", "1", "01", "1.0", "1.0.0", "1.0.0.0", "1.2", "1.2.0", "1.2.3", "1.2.3 (456)", "1.2.3(9)",
        "1.2.3+meta", "v1.2.3", "1.2.3-", "1.2.3-0", "1.2.3-alpha", "1.2.3-alpha.1", "1.2.3-alpha.beta",
        "1.2.3-beta.2", "1.2.3-beta.11", "1.2.3-rc.1", "1.2.3-rc.01", "1.2.3.4", "1.2.3.10", "1.9.0", "1.10.0",
        "1.3a", "1.4", "1.10a", "1.x", "1.X", "1.!", "2024.9.30", "2024.10.15", "abc", "ABC", "版本", "1.٣",
        "\U0001F600", "v\U0001F600", "1.2.3-\U0001F600", "\uD800", s_huge, "0" + s_huge, s_hugePlusOne, s_allNines,
        "1.0.0-" + s_huge, "\t2.0\n", "1.0-rc.1-2", "1.2.3 (456) (789)", "garbage ( 1 )", "1.0.0-rc..1",
    ];

    [TestCase("1.10.0", "1.9.0")]
    [TestCase("2024.10.15", "2024.9.30")]
    [TestCase("1.0.0", "1.0.0-rc.1")]
    [TestCase("1.0.0-rc.1", "1.0.0-beta")]
    [TestCase("1.0.0-beta.10", "1.0.0-beta.2")]
    [TestCase("1.2.3.10", "1.2.3.4")]
    [TestCase("1.2.3.1", "1.2.3")]
    [TestCase("2.0", "1.99.99")]
    [TestCase("1.0.1", "1.0")]
    [TestCase("1.2.4 (1)", "1.2.3 (999)")]
    [TestCase("v2", "1.9")]
    [TestCase("V1.10", "v1.9")]
    [TestCase("1.0.1+aaa", "1.0.0+zzz")]
    [TestCase("1.0.0-rc.1+build.5", "1.0.0-beta+build.9")]
    [TestCase("1.4", "1.3a")]
    [TestCase("1.10", "1.3a")]
    [TestCase("1.10b", "1.9c")]
    [TestCase("1.3b", "1.3a")]
    [TestCase("1.3a", "1.3")]
    [TestCase("1.x", "1.9")]
    [TestCase("1.0", "1.!")]
    [TestCase("1.2.3 (456", "1.2.3")]
    [TestCase("v", "-rc.1")]
    [TestCase("1.0.0-rc.a", "1.0.0-rc.10")]
    public void Compare_NewerThenOlder_IsPositiveBothWays(string newer, string older)
    {
        var comparer = AppVersionComparer.Instance;

        var forward = comparer.Compare(newer, older);
        var backward = comparer.Compare(older, newer);

        Assert.Multiple(() =>
        {
            Assert.That(forward, Is.Positive);
            Assert.That(backward, Is.Negative);
        });
    }

    [TestCase("1.2", "1.2.0")]
    [TestCase("1", "1.0.0.0")]
    [TestCase("v1.2.3", "1.2.3")]
    [TestCase("V1.2.3", "1.2.3")]
    [TestCase("1.2.3 (456)", "1.2.3")]
    [TestCase("1.2.3(456)", "1.2.3")]
    [TestCase("1.2.3 ()", "1.2.3")]
    [TestCase("1.2.3+abc", "1.2.3")]
    [TestCase("1.2.3+abc-def", "1.2.3")]
    [TestCase("v1.2.3+sha.abc (77)", "1.2.3")]
    [TestCase("  1.2.3\t", "1.2.3")]
    [TestCase("01.02", "1.2")]
    [TestCase("1.0.0-rc.01", "1.0.0-rc.1")]
    [TestCase("1.0.0-rc.1+meta", "1.0.0-rc.1")]
    [TestCase("()", "v")]
    [TestCase("+build.5", "v")]
    public void Compare_EquivalentVersions_ReturnsZero(string left, string right)
    {
        var comparer = AppVersionComparer.Instance;

        var forward = comparer.Compare(left, right);
        var backward = comparer.Compare(right, left);

        Assert.Multiple(() =>
        {
            Assert.That(forward, Is.Zero);
            Assert.That(backward, Is.Zero);
        });
    }

    [Test]
    public void Compare_PreReleaseChain_OrdersAsSemver()
    {
        string[] chain =
        [
            "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
            "1.0.0-rc.1", "1.0.0",
        ];
        var shuffled = chain.ToArray();
        new Random(7).Shuffle(shuffled);

        Array.Sort(shuffled, AppVersionComparer.Instance);

        Assert.That(shuffled, Is.EqualTo(chain));
    }

    [Test]
    public void Compare_FiveHundredDigitSegments_ComparesNumerically()
    {
        var comparer = AppVersionComparer.Instance;

        Assert.Multiple(() =>
        {
            Assert.That(comparer.Compare($"1.{s_hugePlusOne}", $"1.{s_huge}"), Is.Positive);
            Assert.That(comparer.Compare(s_huge, s_allNines), Is.Positive);
            Assert.That(comparer.Compare("000" + s_huge, s_huge), Is.Zero);
            Assert.That(comparer.Compare($"1.0.0-rc.{s_hugePlusOne}", $"1.0.0-rc.{s_huge}"), Is.Positive);
        });
    }

    [TestCase(null, null, 0)]
    [TestCase(null, "", 0)]
    [TestCase(" ", "\t\n", 0)]
    [TestCase(null, "0", -1)]
    [TestCase("", "v", -1)]
    [TestCase(" ", "()", -1)]
    [TestCase("1.0", null, 1)]
    public void Compare_NullOrBlank_SortsBelowEverythingElse(string? left, string? right, int expectedSign)
    {
        var result = AppVersionComparer.Instance.Compare(left, right);

        Assert.That(Math.Sign(result), Is.EqualTo(expectedSign));
    }

    [Test]
    public void Compare_OnlyOneLeadingV_IsDropped()
    {
        var result = AppVersionComparer.Instance.Compare("vv1", "1");

        Assert.That(result, Is.Not.Zero);
    }

    [TestCase("1.0.1", "1.0.0", ExpectedResult = true)]
    [TestCase("1.0.0", "1.0.0-rc.1", ExpectedResult = true)]
    [TestCase("1.0.0", "1.0.0", ExpectedResult = false)]
    [TestCase("1.0", "v1.0.0 (12)", ExpectedResult = false)]
    [TestCase("1.0.0", "1.0.1", ExpectedResult = false)]
    [TestCase(null, "1.0", ExpectedResult = false)]
    [TestCase("1.0", null, ExpectedResult = false)]
    [TestCase("", "1.0", ExpectedResult = false)]
    [TestCase("2.0", "  ", ExpectedResult = false)]
    [TestCase("1.0", "()", ExpectedResult = true)]
    public bool IsNewer_Pair_ReturnsWhetherCandidateIsStrictlyNewer(string? candidate, string? baseline) =>
        AppVersionComparer.IsNewer(candidate, baseline);

    [Test]
    public void Sort_ShuffledCorpusSortedTwice_GivesEquivalentOrder()
    {
        var first = s_corpus.ToArray();
        var second = s_corpus.ToArray();
        new Random(1).Shuffle(first);
        new Random(2).Shuffle(second);

        Array.Sort(first, AppVersionComparer.Instance);
        Array.Sort(second, AppVersionComparer.Instance);

        var mismatches = Enumerable.Range(0, first.Length)
            .Where(i => AppVersionComparer.Instance.Compare(first[i], second[i]) != 0)
            .ToList();
        var outOfOrder = Enumerable.Range(1, first.Length - 1)
            .Where(i => AppVersionComparer.Instance.Compare(first[i - 1], first[i]) > 0)
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(mismatches, Is.Empty);
            Assert.That(outOfOrder, Is.Empty);
        });
    }

    [Test]
    public void Compare_EveryCorpusPair_IsReflexiveAndAntisymmetric()
    {
        var comparer = AppVersionComparer.Instance;

        var broken = (
            from a in s_corpus
            from b in s_corpus
            where comparer.Compare(a, a) != 0 || Math.Sign(comparer.Compare(a, b)) != -Math.Sign(comparer.Compare(b, a))
            select (a, b)).ToList();

        Assert.That(broken, Is.Empty);
    }

    [Test]
    public void Compare_EveryCorpusTriple_IsTransitive()
    {
        var comparer = AppVersionComparer.Instance;

        var broken = (
            from a in s_corpus
            from b in s_corpus
            where comparer.Compare(a, b) <= 0
            from c in s_corpus
            where comparer.Compare(b, c) <= 0
            let ac = comparer.Compare(a, c)
            where ac > 0 || (ac == 0 && (comparer.Compare(a, b) != 0 || comparer.Compare(b, c) != 0))
            select (a, b, c)).ToList();

        Assert.That(broken, Is.Empty);
    }
}
