using System.Collections.Concurrent;
using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Tests.Ids;

public sealed class TimeOrderedIdsTests
{
    private static readonly DateTimeOffset s_at = new(2026, 12, 5, 10, 0, 0, 123, TimeSpan.Zero);

    [Test]
    public void New_IsAVersion7IdOfTheRfcVariant()
    {
        var ids = Enumerable.Range(0, 1_000).Select(_ => TimeOrderedIds.New(s_at)).ToList();

        Assert.That(ids.Select(id => id.Version).Distinct(), Is.EqualTo(new[] { 7 }), "version nibble");
        Assert.That(ids.Select(id => id.Variant & 0b1100).Distinct(), Is.EqualTo(new[] { 0b1000 }), "RFC 9562 variant bits 10");
    }

    [Test]
    public void New_BeginsWithTheUnixMillisecondsAsTheFrameworksVersion7Ids()
    {
        var id = TimeOrderedIds.New(s_at);

        Assert.That(id.ToString("N")[..12], Is.EqualTo(s_at.ToUnixTimeMilliseconds().ToString("x12")));
        Assert.That(id.ToString()[..14], Is.EqualTo(Guid.CreateVersion7(s_at).ToString()[..14]), "time and version where the framework puts them");
    }

    [Test]
    public void New_OneMillisecondLater_SortsAfter_AcrossTheTimesSixteenBitBoundary()
    {
        var boundary = DateTimeOffset.FromUnixTimeMilliseconds(0x19A_0000_0000);

        var before = TimeOrderedIds.New(boundary.AddMilliseconds(-1));
        var after = TimeOrderedIds.New(boundary);

        Assert.That(after.CompareTo(before), Is.Positive, $"{after} after {before}");
    }

    [Test]
    public void New_InTheSameMillisecond_SortsInTheOrderMade_AsGuidsAndAsTheirBytes()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => TimeOrderedIds.New(s_at)).ToList();

        Assert.That(ids, Is.Ordered, "Guid.CompareTo, the order of the in-memory and LiteDB stores");
        Assert.That(ids.Select(id => id.ToString()), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal),
            "the RFC 9562 byte order, PostgreSQL's uuid order");
    }

    [Test]
    public void New_OnTwoThreadsTakingTurns_SortsInTheOrderMade()
    {
        var ids = new List<Guid>();
        var turn = new object();

        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, _ =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                lock (turn)
                {
                    ids.Add(TimeOrderedIds.New(s_at));
                }
            }
        });

        Assert.That(ids, Is.Ordered, "ids one thread makes after another's, in one millisecond");
    }

    [Test]
    public void New_OnManyThreadsAtTheSameMillisecond_NeverRepeats()
    {
        var ids = new ConcurrentBag<Guid>();

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            for (var i = 0; i < 25_000; i++)
            {
                ids.Add(TimeOrderedIds.New(s_at));
            }
        });

        Assert.That(ids.Distinct().Count(), Is.EqualTo(100_000), "ids across refills of each thread's random bytes");
    }

    [Test]
    public void New_BeforeTheUnixEpoch_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeOrderedIds.New(DateTimeOffset.UnixEpoch.AddMilliseconds(-1)));
}
