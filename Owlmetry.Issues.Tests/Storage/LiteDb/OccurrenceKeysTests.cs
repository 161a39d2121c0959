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
    public void UserRange_OfEachUser_HoldsItsOwnKeysAndNoOtherUsersOrGroups()
    {
        var (group, session) = (Guid.NewGuid(), Guid.NewGuid());
        string?[] users = [null, "", "a", "ab", "a\0b", "b", "é", new string('u', 255)];

        using (Assert.EnterMultipleScope())
        {
            foreach (var user in users)
            {
                var (low, high) = OccurrenceKeys.UserRange(group, user);
                foreach (var other in users)
                {
                    var key = OccurrenceKeys.User(group, other, session);
                    Assert.That(Within(key, low, high), Is.EqualTo(other == user), $"the key of user '{other}' against the range of user '{user}'");
                }

                Assert.That(Within(OccurrenceKeys.User(Guid.NewGuid(), user, session), low, high), Is.False, $"user '{user}' of another group");
            }
        }
    }

    [Test]
    public void UsersOf_Group_HoldsEveryUserKeyOfItAndNoneOfAnother()
    {
        var random = new Random(3);
        var group = RandomGuid(random);
        var (low, high) = OccurrenceKeys.UsersOf(group);
        string?[] users = [null, "", "user-1", new string('\uffff', 255)];

        using (Assert.EnterMultipleScope())
        {
            foreach (var user in users)
            {
                Assert.That(Within(OccurrenceKeys.User(group, user, AllBits()), low, high), Is.True, $"user '{user}' of the group");
            }

            foreach (var other in Enumerable.Range(0, 200).Select(_ => RandomGuid(random)))
            {
                Assert.That(Within(OccurrenceKeys.User(other, "user-1", Guid.Empty), low, high), Is.False, $"group {other}");
            }
        }
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("user-8812")]
    [TestCase("ユーザー")]
    public void UserAndSession_OfAUserKey_GivesBackBoth(string? user)
    {
        var (group, session) = (Guid.NewGuid(), Guid.NewGuid());

        var key = OccurrenceKeys.User(group, user, session);

        Assert.That(OccurrenceKeys.UserAndSession(key), Is.EqualTo((user, session)));
        Assert.That(OccurrenceKeys.GroupOf(key), Is.EqualTo(group));
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

    private static bool Within(byte[] key, byte[] low, byte[] high) => s_asLiteDb.Compare(low, key) <= 0 && s_asLiteDb.Compare(key, high) <= 0;

    private static Guid RandomGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static Guid AllBits() => new(Enumerable.Repeat(byte.MaxValue, 16).ToArray());
}
