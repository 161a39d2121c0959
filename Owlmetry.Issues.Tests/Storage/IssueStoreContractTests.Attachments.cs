using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage;

public abstract partial class IssueStoreContractTests
{
    [Test]
    public async Task FindAttachment_DeletedOrReserved_ReturnsTheRow()
    {
        var deleted = new AttachmentBuilder(Guid.NewGuid()).DeletedAt(TestTimes.At(5)).Build();
        var reserved = new AttachmentBuilder(null).NotUploaded().OfEvent(null).Build();
        await UpsertAttachmentsAsync(deleted, reserved);

        var (foundDeleted, foundReserved, unknown) = await ReadAsync(async r => (await r.FindAttachmentAsync(deleted.Id), await r.FindAttachmentAsync(reserved.Id), await r.FindAttachmentAsync(Guid.NewGuid())));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(foundDeleted, Is.EqualTo(deleted));
            Assert.That(foundReserved, Is.EqualTo(reserved));
            Assert.That(unknown, Is.Null);
        }
    }

    [Test]
    public async Task ListAttachmentsOfIssue_ReservedNotUploaded_IsLeftOut()
    {
        var issueId = Guid.NewGuid();
        var uploaded = new AttachmentBuilder(issueId).Build();
        var reserved = new AttachmentBuilder(issueId).NotUploaded().CreatedAt(TestTimes.At(9)).Build();
        await UpsertAttachmentsAsync(uploaded, reserved);

        var listed = await ReadAsync(r => r.ListAttachmentsAsync(issueId, 10));

        Assert.That(listed, Is.EqualTo(new[] { uploaded }));
    }

    [Test]
    public async Task ListAttachments_ProjectWithEqualTimes_PagesThroughEveryUploadedOneOnceNewestFirst()
    {
        var attachments = Enumerable.Range(0, 9)
            .Select(i => new AttachmentBuilder(i % 2 == 0 ? Guid.NewGuid() : null).CreatedAt(TestTimes.At(i % 3)).Build())
            .ToList();
        var hidden = new[]
        {
            new AttachmentBuilder(null).NotUploaded().CreatedAt(TestTimes.At(1)).Build(),
            new AttachmentBuilder(null).DeletedAt(TestTimes.At(4)).CreatedAt(TestTimes.At(1)).Build(),
            new AttachmentBuilder(null).InProject(TestIds.OtherProject).CreatedAt(TestTimes.At(1)).Build(),
        };
        await UpsertAttachmentsAsync([.. attachments, .. hidden]);

        var walked = await WalkAttachmentsAsync(new AttachmentListFilter([TestIds.Project]), pageSize: 2);

        var expected = attachments.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).ToList();
        Assert.That(walked, Is.EqualTo(expected), "paging did not return every uploaded, live attachment of the project once, newest first then by id");
    }

    [Test]
    public async Task ListAttachments_IssueFilterWithEqualTimes_PagesThroughThatIssuesOnes()
    {
        var issueId = Guid.NewGuid();
        var linked = Enumerable.Range(0, 5).Select(_ => new AttachmentBuilder(issueId).Build()).ToList();
        await UpsertAttachmentsAsync([.. linked, new AttachmentBuilder(Guid.NewGuid()).Build(), new AttachmentBuilder(null).Build()]);

        var walked = await WalkAttachmentsAsync(new AttachmentListFilter([TestIds.Project], IssueId: issueId), pageSize: 2);

        Assert.That(walked, Is.EqualTo(linked.OrderByDescending(a => a.Id)));
    }

    [Test]
    public async Task ListAttachments_IssueOfAnotherProject_ListsNothing()
    {
        var issueId = Guid.NewGuid();
        await UpsertAttachmentsAsync(new AttachmentBuilder(issueId).InProject(TestIds.OtherProject).Build());

        var listed = await ReadAsync(r => r.ListAttachmentsAsync(new AttachmentListFilter([TestIds.Project], IssueId: issueId), null, 10));

        Assert.That(listed, Is.Empty);
    }

    [Test]
    public async Task ListAttachments_EventFilters_ReturnOnlyThatEventsOnesNewestFirst()
    {
        var clientEventId = Guid.NewGuid();
        var eventId = Guid.NewGuid();
        var ofEvent = new[]
        {
            new AttachmentBuilder(null).OfClientEvent(TestIds.App, clientEventId).OfEvent(eventId).CreatedAt(TestTimes.At(1)).Build(),
            new AttachmentBuilder(null).OfClientEvent(TestIds.App, clientEventId).OfEvent(eventId).CreatedAt(TestTimes.At(3)).Build(),
        };
        var reservedOfEvent = new AttachmentBuilder(null).OfClientEvent(TestIds.App, clientEventId).OfEvent(eventId).NotUploaded().Build();
        var otherProject = new AttachmentBuilder(null).OfClientEvent(TestIds.App, clientEventId).OfEvent(eventId).InProject(TestIds.OtherProject).Build();
        await UpsertAttachmentsAsync([.. ofEvent, reservedOfEvent, otherProject, new AttachmentBuilder(null).Build()]);

        var (byEvent, byClientEvent, both) = await ReadAsync(async r => (
            await r.ListAttachmentsAsync(new AttachmentListFilter([TestIds.Project], EventId: eventId), null, 10),
            await r.ListAttachmentsAsync(new AttachmentListFilter([TestIds.Project], ClientEventId: clientEventId), null, 10),
            await r.ListAttachmentsAsync(new AttachmentListFilter([TestIds.Project, TestIds.OtherProject], EventId: eventId, ClientEventId: clientEventId), null, 1)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(byEvent, Is.EqualTo(ofEvent.Reverse()));
            Assert.That(byClientEvent, Is.EqualTo(ofEvent.Reverse()));
            Assert.That(both, Is.EqualTo(new[] { otherProject }.Concat(ofEvent.Reverse()).OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(1)));
        }
    }

    [Test]
    public async Task ListAttachments_SeveralProjects_MergesTheirOrders()
    {
        var attachments = Enumerable.Range(0, 6)
            .Select(i => new AttachmentBuilder(null).InProject(i % 2 == 0 ? TestIds.Project : TestIds.OtherProject).CreatedAt(TestTimes.At(i)).Build())
            .ToList();
        await UpsertAttachmentsAsync([.. attachments]);

        var walked = await WalkAttachmentsAsync(new AttachmentListFilter([TestIds.Project, TestIds.OtherProject]), pageSize: 4);

        Assert.That(walked, Is.EqualTo(attachments.AsEnumerable().Reverse()));
    }

    [Test]
    public async Task ListAttachmentsOfClientEvent_ReturnsThatAppsRowsOfEveryState()
    {
        var clientEventId = Guid.NewGuid();
        var rows = new[]
        {
            new AttachmentBuilder(null).OfClientEvent(TestIds.App, clientEventId).NotUploaded().Build(),
            new AttachmentBuilder(Guid.NewGuid()).OfClientEvent(TestIds.App, clientEventId).DeletedAt(TestTimes.At(1)).Build(),
        };
        await UpsertAttachmentsAsync([.. rows, new AttachmentBuilder(null).OfClientEvent(TestIds.OtherApp, clientEventId).Build()]);

        var listed = await ReadAsync(r => r.ListAttachmentsOfClientEventAsync(TestIds.App, clientEventId));

        Assert.That(listed, Is.EquivalentTo(rows));
    }

    [Test]
    public async Task AttachmentBytes_AfterInsertsChangesDeletesAndPurges_CountTheLiveRowsOnly()
    {
        var a = new AttachmentBuilder(null).ByUser("u1").Sized(100).NotUploaded().Build();
        var b = new AttachmentBuilder(null).ByUser("u1").Sized(20).Build();
        var c = new AttachmentBuilder(null).ByUser("u2").Sized(3).Build();
        var d = new AttachmentBuilder(null).ByUser(null).Sized(4_000).Build();
        var elsewhere = new AttachmentBuilder(null).ByUser("u1").Sized(50_000).InProject(TestIds.OtherProject).Build();
        await UpsertAttachmentsAsync(a, b, c, d, elsewhere);
        var initially = await UsageAsync();

        await WriteAsync(async w =>
        {
            await w.UpsertAttachmentAsync(a with { UploadedAt = TestTimes.At(1), IssueId = Guid.NewGuid() });
            await w.UpsertAttachmentAsync(b with { DeletedAt = TestTimes.At(2) });
            await w.UpsertAttachmentAsync(c with { UserId = "u1", SizeBytes = 5 });
            await w.DeleteAttachmentAsync(d.Id);
            await w.DeleteAttachmentAsync(Guid.NewGuid());
        });
        var afterwards = await UsageAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(initially, Is.EqualTo((4_123L, 120L, 3L, 50_000L)), "project, u1, u2, other project's u1 after inserts");
            Assert.That(afterwards, Is.EqualTo((105L, 105L, 0L, 50_000L)), "project, u1, u2, other project's u1 after changes");
        }
    }

    [Test]
    public async Task AttachmentBytes_UnitThrows_AreRolledBackWithTheRows()
    {
        var kept = new AttachmentBuilder(null).ByUser("u1").Sized(10).Build();
        await UpsertAttachmentsAsync(kept);

        await Assert.ThatAsync(
            () => WriteAsync(async w =>
            {
                await w.UpsertAttachmentAsync(new AttachmentBuilder(null).ByUser("u1").Sized(7).Build());
                await w.DeleteAttachmentAsync(kept.Id);
                throw new InvalidOperationException("boom");
            }),
            Throws.InvalidOperationException);

        var (project, user, row) = await ReadAsync(async r => (await r.GetProjectAttachmentBytesAsync(TestIds.Project), await r.GetUserAttachmentBytesAsync(TestIds.Project, "u1"), await r.FindAttachmentAsync(kept.Id)));
        Assert.That((project, user, row), Is.EqualTo((10L, 10L, kept)));
    }

    [Test]
    public async Task ListAttachmentsToPurge_DeletedLongAgoAndAbandonedReservations_AreListedOthersNot()
    {
        var cutoff = TestTimes.At(1_000);
        var deletedLongAgo = new AttachmentBuilder(null).DeletedAt(TestTimes.At(999)).Build();
        var abandoned = new AttachmentBuilder(null).NotUploaded().CreatedAt(TestTimes.At(10)).Build();
        var keep = new[]
        {
            new AttachmentBuilder(null).DeletedAt(cutoff).Build(),
            new AttachmentBuilder(null).NotUploaded().CreatedAt(TestTimes.At(2_000)).Build(),
            new AttachmentBuilder(null).CreatedAt(TestTimes.At(1)).Build(),
        };
        await UpsertAttachmentsAsync([deletedLongAgo, abandoned, .. keep]);

        var (all, one) = await ReadAsync(async r => (await r.ListAttachmentsToPurgeAsync(cutoff, TestTimes.At(500), 10), await r.ListAttachmentsToPurgeAsync(cutoff, TestTimes.At(500), 1)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(all, Is.EquivalentTo(new[] { deletedLongAgo, abandoned }));
            Assert.That(one, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task MoveAttachments_ReservedAndDeletedOnes_MoveToo()
    {
        var from = Guid.NewGuid();
        var to = Guid.NewGuid();
        var reserved = new AttachmentBuilder(from).NotUploaded().Build();
        var deleted = new AttachmentBuilder(from).DeletedAt(TestTimes.At(1)).Build();
        await UpsertAttachmentsAsync(reserved, deleted);

        await WriteAsync(w => w.MoveAttachmentsAsync(from, to));

        var moved = await ReadAsync(async r => new[] { (await r.FindAttachmentAsync(reserved.Id))?.IssueId, (await r.FindAttachmentAsync(deleted.Id))?.IssueId });
        Assert.That(moved, Is.EqualTo(new Guid?[] { to, to }));
    }

    private Task UpsertAttachmentsAsync(params IssueAttachment[] attachments) =>
        WriteAsync(async writer =>
        {
            foreach (var attachment in attachments)
            {
                await writer.UpsertAttachmentAsync(attachment);
            }
        });

    private Task<(long Project, long User1, long User2, long OtherProjectUser1)> UsageAsync() =>
        ReadAsync(async r => (
            await r.GetProjectAttachmentBytesAsync(TestIds.Project),
            await r.GetUserAttachmentBytesAsync(TestIds.Project, "u1"),
            await r.GetUserAttachmentBytesAsync(TestIds.Project, "u2"),
            await r.GetUserAttachmentBytesAsync(TestIds.OtherProject, "u1")));

    private async Task<List<IssueAttachment>> WalkAttachmentsAsync(AttachmentListFilter filter, int pageSize)
    {
        var walked = new List<IssueAttachment>();
        KeysetKey? after = null;
        while (true)
        {
            var page = await ReadAsync(r => r.ListAttachmentsAsync(filter, after, pageSize));
            walked.AddRange(page);
            if (page.Count < pageSize || walked.Count > 100)
            {
                return walked;
            }

            after = new KeysetKey(page[^1].CreatedAt.ToUnixTimeMilliseconds(), page[^1].Id);
        }
    }
}
