using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Tests.Querying;

[TestFixture]
public sealed class KeysetKeyTests
{
    [Test]
    public void CompareTo_EqualValuesRandomIds_OrdersIdsAsTheirLowercaseHexOrdinally()
    {
        var random = new Random(7);
        var keys = Enumerable.Range(0, 10_000).Select(_ => new KeysetKey(5, RandomGuid(random))).ToList();

        var byCompareTo = keys.Order().Select(k => k.Id);
        var byHex = keys.Select(k => k.Id).OrderBy(id => id.ToString("N"), StringComparer.Ordinal);

        Assert.That(byCompareTo, Is.EqualTo(byHex), "KeysetKey's id tie-break disagrees with the ordinal order of Guid.ToString(\"N\")");
    }

    [Test]
    public void CompareTo_IdsDifferingInOneByte_OrdersIdsAsTheirLowercaseHexOrdinally()
    {
        // One id per byte position with that byte 0x7f, one with 0x80: catches a signed comparison of any field.
        var ids = Enumerable.Range(0, 16)
            .SelectMany(position => new byte[] { 0x7f, 0x80, 0xff }.Select(value =>
            {
                var bytes = new byte[16];
                bytes[position] = value;
                return new Guid(bytes);
            }))
            .Append(Guid.Empty)
            .ToList();

        var byCompareTo = ids.Select(id => new KeysetKey(0, id)).Order().Select(k => k.Id);
        var byHex = ids.OrderBy(id => id.ToString("N"), StringComparer.Ordinal);

        Assert.That(byCompareTo, Is.EqualTo(byHex));
    }

    private static Guid RandomGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
