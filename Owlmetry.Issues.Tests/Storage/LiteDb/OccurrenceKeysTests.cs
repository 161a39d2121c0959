using LiteDB;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Tests.Storage.LiteDb;

/// <summary>The binary occurrence keys, compared the way LiteDB's indexes compare them (<see cref="BsonValue.CompareTo(BsonValue)"/>).</summary>
[TestFixture]
public sealed class OccurrenceKeysTests
{
    private static readonly Comparer<byte[]> s_asLiteDb = Comparer<byte[]>.Create((x, y) => new BsonValue(x).CompareTo(new BsonValue(y)));

    [Test]
    public void Page_OneGroup_OrdersLikeKeysetKeys()
    {
        var random = new Random(7);
        long[] edges = [long.MinValue, -1, 0, 1, long.MaxValue];
        var keys = Enumerable.Range(0, 5_000)
            .Select(i => new KeysetKey(i < edges.Length ? edges[i] : random.NextInt64(-3, 3) * 1_000_000_007, RandomGuid(random)))
            .ToList();
        var group = Guid.NewGuid();

        var byIndex = keys.OrderBy(key => OccurrenceKeys.Page(group, key), s_asLiteDb);

        Assert.That(byIndex, Is.EqualTo(keys.Order()), "the page index's order of one group differs from the KeysetKey order");
    }

    [Test]
    public void PagesOf_Group_BoundsEveryPageKeyOfItAndNoneOfAnother()
    {
        var random = new Random(5);
        var group = RandomGuid(random);
        var (low, high) = OccurrenceKeys.PagesOf(group);
        var own = new[] { new KeysetKey(long.MinValue, Guid.Empty), new KeysetKey(long.MaxValue, AllBits()), new KeysetKey(0, RandomGuid(random)) };
        var others = Enumerable.Range(0, 200).Select(_ => OccurrenceKeys.Page(RandomGuid(random), new KeysetKey(random.NextInt64(), RandomGuid(random))));

        using (Assert.EnterMultipleScope())
        {
            foreach (var key in own.Select(position => OccurrenceKeys.Page(group, position)))
            {
                Assert.That(s_asLiteDb.Compare(low, key) <= 0 && s_asLiteDb.Compare(key, high) <= 0, Is.True, $"{Convert.ToHexString(key)} outside its group's range");
            }

            foreach (var key in others)
            {
                Assert.That(s_asLiteDb.Compare(key, low) < 0 || s_asLiteDb.Compare(key, high) > 0, Is.True, $"{Convert.ToHexString(key)} of another group inside the range");
            }
        }
    }

    [Test]
    public void User_NoUserAndEveryUser_HaveDistinctKeysThatStartWithTheGroup()
    {
        var group = Guid.NewGuid();
        string?[] users = [null, "", "a", "ab", "é", "user-1"];

        var keys = users.Select(user => OccurrenceKeys.User(group, user)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(keys.Select(Convert.ToHexString).Distinct().Count(), Is.EqualTo(users.Length), "two users share a key");
            Assert.That(keys.Select(OccurrenceKeys.GroupOf), Is.All.EqualTo(group), "a key does not start with its group");
            Assert.That(OccurrenceKeys.User(group, "a"), Is.Not.EqualTo(OccurrenceKeys.User(Guid.NewGuid(), "a")), "one user's keys of two groups");
        }
    }

    [Test]
    public void Session_OfTwoGroupsOrSessions_Differs_AndStartsWithItsGroup()
    {
        var (group, session) = (Guid.NewGuid(), Guid.NewGuid());

        var key = OccurrenceKeys.Session(group, session);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(OccurrenceKeys.GroupOf(key), Is.EqualTo(group));
            Assert.That(key, Is.EqualTo(OccurrenceKeys.Session(group, session)), "the same pair");
            Assert.That(key, Is.Not.EqualTo(OccurrenceKeys.Session(session, group)), "the pair swapped");
            Assert.That(key, Is.Not.EqualTo(OccurrenceKeys.Session(group, Guid.NewGuid())), "another session");
        }
    }

    private static Guid RandomGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static Guid AllBits() => new(Enumerable.Repeat(byte.MaxValue, 16).ToArray());
}
