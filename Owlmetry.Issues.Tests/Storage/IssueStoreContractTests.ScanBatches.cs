using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage;

/// <summary>The scan's batch lookups and writes: each answers or writes what its single-item method would, item by item.</summary>
public abstract partial class IssueStoreContractTests
{
    [Test]
    public async Task FindIssueIdsByFingerprints_KnownUnknownRepeatedAndAssignedInTheUnit_ReturnsTheKnownKeysOnly()
    {
        var stored = new FingerprintKey("aaaa", TestIds.App, IsDev: false);
        var otherSide = stored with { IsDev = true };
        var otherApp = stored with { AppId = TestIds.OtherApp };
        var inUnit = new FingerprintKey("bbbb", TestIds.App, IsDev: false);
        var (storedIssue, otherAppIssue, inUnitIssue) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await WriteAsync(async writer =>
        {
            await writer.AssignFingerprintAsync(stored, storedIssue);
            await writer.AssignFingerprintAsync(otherApp, otherAppIssue);
        });

        var found = await WriteAsync(async writer =>
        {
            await writer.AssignFingerprintAsync(inUnit, inUnitIssue);
            return await writer.FindIssueIdsByFingerprintsAsync([stored, stored, otherSide, inUnit, new FingerprintKey("cccc", TestIds.App, false)]);
        });

        Assert.That(found, Is.EquivalentTo(new Dictionary<FingerprintKey, Guid> { [stored] = storedIssue, [inUnit] = inUnitIssue }),
            "the keys known to the store or written earlier in the unit, once each; the other side's and another app's aliases are other keys");
    }

    [Test]
    public async Task FindIssues_StoredRepeatedMissingAndInsertedInTheUnit_ReturnsTheFoundOnesWithEveryField()
    {
        var stored = await InsertAsync(new IssueBuilder().WithAllFieldsSet().Build());
        var inUnit = new IssueBuilder().WithFingerprints("c", "a", "b").Build();

        var found = await WriteAsync(async writer =>
        {
            await writer.InsertIssueAsync(inUnit);
            return await writer.FindIssuesAsync([stored.Id, Guid.NewGuid(), inUnit.Id, stored.Id]);
        });

        Assert.That(found.Keys, Is.EquivalentTo(new[] { stored.Id, inUnit.Id }));
        Assert.That(found[stored.Id], Is.EqualTo(stored).UsingPropertiesComparer());
        Assert.That(found[inUnit.Id], Is.EqualTo(inUnit).UsingPropertiesComparer(), "the fingerprints keep their order");
    }

    [Test]
    public async Task FindOccurrenceSessions_StoredRepeatedOtherIssueAndWrittenInTheUnit_ReturnsThePairsWithAnOccurrence()
    {
        var (issue, other) = (Guid.NewGuid(), Guid.NewGuid());
        var (stored, ofOther, inUnit, none) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await WriteAsync(writer => writer.InsertOccurrencesAsync(
            [new OccurrenceBuilder(issue).InSession(stored).Build(), new OccurrenceBuilder(other).InSession(ofOther).Build()]));

        var found = await WriteAsync(async writer =>
        {
            await writer.InsertOccurrenceAsync(new OccurrenceBuilder(issue).InSession(inUnit).Build());
            return await writer.FindOccurrenceSessionsAsync([(issue, stored), (issue, stored), (issue, ofOther), (issue, inUnit), (issue, none), (other, ofOther)]);
        });

        Assert.That(found, Is.EquivalentTo(new[] { (issue, stored), (issue, inUnit), (other, ofOther) }),
            "a session counts for the issue that has its occurrence only, written earlier in the unit included");
    }

    [Test]
    public async Task FindOccurrenceUsers_StoredRepeatedOtherIssueAndWrittenInTheUnit_ReturnsThePairsWithAnOccurrence()
    {
        var (issue, other) = (Guid.NewGuid(), Guid.NewGuid());
        await WriteAsync(writer => writer.InsertOccurrencesAsync(
        [
            new OccurrenceBuilder(issue).ForUser("stored").Build(),
            new OccurrenceBuilder(issue).ForUser(null).Build(),
            new OccurrenceBuilder(other).ForUser("of-other").Build(),
        ]));

        var found = await WriteAsync(async writer =>
        {
            await writer.InsertOccurrenceAsync(new OccurrenceBuilder(issue).ForUser("in-unit").Build());
            return await writer.FindOccurrenceUsersAsync(
                [(issue, "stored"), (issue, "stored"), (issue, "of-other"), (issue, "in-unit"), (issue, "none"), (issue, "STORED"), (other, "of-other")]);
        });

        Assert.That(found, Is.EquivalentTo(new[] { (issue, "stored"), (issue, "in-unit"), (other, "of-other") }),
            "a user counts for the issue that has an occurrence of them only, compared exactly, written earlier in the unit included");
    }

    [Test]
    public async Task ListAttachmentsOfClientEvents_SeveralEventsRepeatedAndOtherApp_ReturnsEachAttachmentOfThosePairsOnce()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var reserved = new AttachmentBuilder(null).OfClientEvent(TestIds.App, first).NotUploaded().Build();
        var deleted = new AttachmentBuilder(Guid.NewGuid()).OfClientEvent(TestIds.App, first).DeletedAt(TestTimes.At(1)).Build();
        var ofSecond = new AttachmentBuilder(Guid.NewGuid()).OfClientEvent(TestIds.App, second).Build();
        var otherApp = new AttachmentBuilder(null).OfClientEvent(TestIds.OtherApp, first).Build();
        await UpsertAttachmentsAsync(reserved, deleted, ofSecond, otherApp);
        var inUnit = new AttachmentBuilder(null).OfClientEvent(TestIds.App, second).Build();

        var found = await WriteAsync(async writer =>
        {
            await writer.UpsertAttachmentAsync(inUnit);
            return await writer.ListAttachmentsOfClientEventsAsync([(TestIds.App, first), (TestIds.App, second), (TestIds.App, first), (TestIds.App, Guid.NewGuid())]);
        });

        Assert.That(found, Is.EquivalentTo(new[] { reserved, deleted, ofSecond, inUnit }));
    }

    [Test]
    public async Task InsertIssues_Bulk_StoresEachWithEveryField()
    {
        var issues = new[]
        {
            new IssueBuilder().WithAllFieldsSet().Build(),
            new IssueBuilder().Build(),
            new IssueBuilder().WithFingerprints("z", "a", "m").AsDev().Build(),
        };

        await WriteAsync(writer => writer.InsertIssuesAsync(issues));

        var stored = await ReadAsync(reader => reader.FindIssuesAsync([.. issues.Select(i => i.Id)]));
        AssertSameIssues(issues.Select(i => stored[i.Id]), issues);
    }

    [Test]
    public async Task InsertIssues_IdTwiceOrAlreadyStored_ConflictsAndRollsBackTheUnit()
    {
        var existing = await InsertAsync(new IssueBuilder().Build());
        var fresh = new IssueBuilder().Build();

        await Assert.ThatAsync(() => WriteAsync(writer => writer.InsertIssuesAsync([fresh, fresh])), Throws.TypeOf<IssueStoreConflictException>());
        await Assert.ThatAsync(() => WriteAsync(writer => writer.InsertIssuesAsync([fresh, existing])), Throws.TypeOf<IssueStoreConflictException>());

        Assert.That(await ReadAsync(reader => reader.FindIssueAsync(fresh.Id)), Is.Null);
    }

    [Test]
    public async Task UpdateIssues_SeveralOneOfThemTwice_LeavesEachAtItsLastVersion()
    {
        var (a, b, untouched) = (await InsertAsync(new IssueBuilder().Build()), await InsertAsync(new IssueBuilder().Build()), await InsertAsync(new IssueBuilder().Build()));
        var aFirst = a with { OccurrenceCount = 1, Fingerprints = ["x"] };
        var aLast = new IssueBuilder().WithId(a.Id).WithAllFieldsSet().WithFingerprints("y", "x").Build();
        var bChanged = b with { Title = "changed", LastNotifiedAt = TestTimes.At(9) };

        await WriteAsync(writer => writer.UpdateIssuesAsync([aFirst, bChanged, aLast]));

        var stored = await ReadAsync(reader => reader.FindIssuesAsync([a.Id, b.Id, untouched.Id]));
        AssertSameIssues([stored[a.Id], stored[b.Id], stored[untouched.Id]], [aLast, bChanged, untouched]);
    }

    [Test]
    public async Task InsertAndUpdateIssues_FingerprintsOfAnyText_KeepsEachAsGivenInItsOrder()
    {
        string[] texts = ["with \"quotes\"", "back\\slash\\", "a,b", "{braces}", "NULL", " spaced ", "", "ünï ✓"];
        var inserted = new IssueBuilder().WithFingerprints(texts).Build();
        var updated = await InsertAsync(new IssueBuilder().Build()) with { Fingerprints = [.. texts.Reverse()] };

        await WriteAsync(async writer =>
        {
            await writer.InsertIssuesAsync([inserted]);
            await writer.UpdateIssuesAsync([updated]);
        });

        var stored = await ReadAsync(reader => reader.FindIssuesAsync([inserted.Id, updated.Id]));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored[inserted.Id].Fingerprints, Is.EqualTo(texts), "inserted");
            Assert.That(stored[updated.Id].Fingerprints, Is.EqualTo(texts.Reverse()), "updated");
        }
    }

    [Test]
    public async Task UpdateIssues_OneMissing_ThrowsAndRollsBackTheUnit()
    {
        var stored = await InsertAsync(new IssueBuilder().Build());
        var missing = new IssueBuilder().Build();

        await Assert.ThatAsync(
            () => WriteAsync(writer => writer.UpdateIssuesAsync([stored with { Title = "changed" }, missing])),
            Throws.InvalidOperationException.With.Message.Contains(missing.Id.ToString()));

        Assert.That((await ReadAsync(reader => reader.FindIssueAsync(stored.Id)))!.Title, Is.EqualTo(stored.Title));
    }

    [Test]
    public async Task AssignFingerprints_NewAndAlreadyAliasedKeys_RoutesEachToItsIssue()
    {
        var replaced = new FingerprintKey("aaaa", TestIds.App, IsDev: false);
        var added = new FingerprintKey("aaaa", TestIds.App, IsDev: true);
        var untouched = new FingerprintKey("bbbb", TestIds.App, IsDev: false);
        var (old, to, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await WriteAsync(async writer =>
        {
            await writer.AssignFingerprintAsync(replaced, old);
            await writer.AssignFingerprintAsync(untouched, old);
        });

        await WriteAsync(writer => writer.AssignFingerprintsAsync(new Dictionary<FingerprintKey, Guid> { [replaced] = to, [added] = other }));

        var routes = await ReadAsync(reader => reader.FindIssueIdsByFingerprintsAsync([replaced, added, untouched]));
        Assert.That(routes, Is.EquivalentTo(new Dictionary<FingerprintKey, Guid> { [replaced] = to, [added] = other, [untouched] = old }));
    }

    private static void AssertSameIssues(IEnumerable<Issue> stored, IEnumerable<Issue> expected)
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var (actual, issue) in stored.Zip(expected))
            {
                Assert.That(actual, Is.EqualTo(issue).UsingPropertiesComparer(), $"issue {issue.Id} came back different (every field, fingerprints in order)");
            }
        }
    }
}
