using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage;

public abstract partial class IssueStoreContractTests
{
    [Test]
    public async Task ListFingerprints_AliasesOfTwoApps_ReturnsDevAndProdAliasesOfThatAppOnlyWithTheirLatestIssue()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var gone = Guid.NewGuid();
        var prod = new FingerprintKey("aaaa", TestIds.App, IsDev: false);
        var dev = new FingerprintKey("aaaa", TestIds.App, IsDev: true);
        var reassigned = new FingerprintKey("bbbb", TestIds.App, IsDev: false);
        var orphan = new FingerprintKey("cccc", TestIds.App, IsDev: false);
        await WriteAsync(async writer =>
        {
            await writer.AssignFingerprintAsync(prod, first);
            await writer.AssignFingerprintAsync(dev, second);
            await writer.AssignFingerprintAsync(reassigned, first);
            await writer.AssignFingerprintAsync(orphan, gone);
            await writer.AssignFingerprintAsync(new FingerprintKey("aaaa", TestIds.OtherApp, IsDev: false), first);
        });
        await WriteAsync(writer => writer.AssignFingerprintAsync(reassigned, second));

        var aliases = await ReadAsync(reader => reader.ListFingerprintsAsync(TestIds.App));

        Assert.That(aliases, Is.EquivalentTo(new Dictionary<FingerprintKey, Guid>
        {
            [prod] = first,
            [dev] = second,
            [reassigned] = second,
            [orphan] = gone,
        }), "the app's aliases, dev and prod, each with the issue it was last assigned to, and no alias of another app");
    }

    [Test]
    public async Task ListFingerprints_UnknownApp_ReturnsEmpty()
    {
        await WriteAsync(writer => writer.AssignFingerprintAsync(new FingerprintKey("aaaa", TestIds.App, IsDev: false), Guid.NewGuid()));

        Assert.That(await ReadAsync(reader => reader.ListFingerprintsAsync(TestIds.OtherApp)), Is.Empty);
    }

    [Test]
    public async Task CountOccurrencesByIssue_AfterMerges_CountsWhatEachIssueIdHoldsIncludingIssuesNeverStored()
    {
        var from = Guid.NewGuid();
        var to = Guid.NewGuid();
        var trimmed = Guid.NewGuid();
        var keeper = Guid.NewGuid();
        var stored = await InsertAsync(new IssueBuilder().Build());
        var doomed = new OccurrenceBuilder(trimmed).Build();
        await WriteAsync(async writer =>
        {
            await writer.InsertOccurrenceAsync(new OccurrenceBuilder(from).Build());
            await writer.InsertOccurrenceAsync(new OccurrenceBuilder(from).Build());
            await writer.InsertOccurrenceAsync(new OccurrenceBuilder(to).Build());
            await writer.InsertOccurrenceAsync(new OccurrenceBuilder(stored.Id).Build());
            await writer.InsertOccurrenceAsync(doomed);
            await writer.InsertOccurrenceAsync(new OccurrenceBuilder(keeper).InSession(doomed.SessionId).Build());
        });

        await WriteAsync(async writer =>
        {
            await writer.MergeOccurrencesAsync(from, to);
            await writer.MergeOccurrencesAsync(trimmed, keeper);
        });

        var counts = await ReadAsync(reader => reader.CountOccurrencesByIssueAsync());
        Assert.That(counts, Is.EquivalentTo(new Dictionary<Guid, int> { [to] = 3, [stored.Id] = 1, [keeper] = 1 }),
            "every id that occurrences belong to, with how many; none for an issue whose occurrences were all merged away or dropped");
    }

    [Test]
    public async Task CountOccurrencesByIssue_EmptyStore_ReturnsEmpty() =>
        Assert.That(await ReadAsync(reader => reader.CountOccurrencesByIssueAsync()), Is.Empty);
}
