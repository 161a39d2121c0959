using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Tests.Storage.LiteDb;

[TestFixture]
public sealed class StorageKeysTests
{
    [Test]
    public void Value_OrdinalOrder_IsTheNumericOrder()
    {
        long[] values = [long.MinValue, -62_135_596_800_000, -1, 0, 1, int.MaxValue, 1_705_329_000_123, long.MaxValue];

        var byText = values.OrderBy(StorageKeys.Value, StringComparer.Ordinal);

        Assert.That(byText, Is.EqualTo(values), "the fixed-width encoding of a long does not sort like the long");
    }

    [Test]
    public void IssueSort_SameLane_OrdersLikeKeysetKeys()
    {
        var random = new Random(11);
        var keys = Enumerable.Range(0, 5_000)
            .Select(_ => new KeysetKey(random.Next(-3, 3), new Guid(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray())))
            .ToList();
        var projectId = Guid.NewGuid();

        var byText = keys.OrderBy(key => StorageKeys.IssueSort(projectId, isDev: false, key), StringComparer.Ordinal);

        Assert.That(byText, Is.EqualTo(keys.Order()), "the index key order of one lane differs from the KeysetKey order");
    }

    [Test]
    public void IssueLane_OfAnotherProjectOrSide_IsNotAPrefixOfThisLanesKeys()
    {
        var projectId = Guid.NewGuid();
        var key = StorageKeys.IssueSort(projectId, isDev: false, new KeysetKey(1, Guid.NewGuid()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key, Does.StartWith(StorageKeys.IssueLane(projectId, isDev: false)));
            Assert.That(key, Does.Not.StartWith(StorageKeys.IssueLane(projectId, isDev: true)));
            Assert.That(key, Does.Not.StartWith(StorageKeys.IssueLane(Guid.NewGuid(), isDev: false)));
        }
    }
}
