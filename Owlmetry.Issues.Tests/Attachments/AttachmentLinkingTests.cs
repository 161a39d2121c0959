using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Attachments;

/// <summary>An attachment reaches the issue its event lands on, whenever it was reserved, and follows it through merges.</summary>
public sealed class AttachmentLinkingTests
{
    private AttachmentWorld _world = null!;

    [SetUp]
    public void SetUp() => _world = new AttachmentWorld();

    [Test]
    public async Task Scan_AttachmentReservedBeforeItsEventArrived_IsLinkedToTheIssue()
    {
        var clientEventId = Guid.NewGuid();
        var attachment = await _world.AddAsync("log", clientEventId);

        await SendAsync(Error("Payment failed", clientEventId));

        var issue = await SingleIssueAsync();
        var linked = await _world.FindAsync(attachment.Id);
        var eventId = (await OccurrencesAsync(issue.Id)).Single().EventId;
        Assert.That(linked, Is.EqualTo(attachment with { IssueId = issue.Id, EventId = eventId }));
        Assert.That((await DetailAsync(issue.Id)).Attachments, Is.EqualTo(new[] { linked }));
    }

    [Test]
    public async Task ReserveAsync_EventAlreadyScanned_LinksAtOnce()
    {
        var clientEventId = Guid.NewGuid();
        await SendAsync(Error("Payment failed", clientEventId));
        var issue = await SingleIssueAsync();

        var attachment = await _world.AddAsync("log", clientEventId);

        Assert.That(attachment.IssueId, Is.EqualTo(issue.Id));
        Assert.That(attachment.EventId, Is.EqualTo((await OccurrencesAsync(issue.Id)).Single().EventId));
        Assert.That((await DetailAsync(issue.Id)).Attachments.Select(a => a.Id), Is.EqualTo(new[] { attachment.Id }));
    }

    [Test]
    public async Task ReserveAsync_LaterEventOfASessionAlreadyScanned_LinksToThatEventAndTheSessionsIssue()
    {
        var (session, later) = (Guid.NewGuid(), Guid.NewGuid());
        await SendAsync(Error("Payment failed", Guid.NewGuid(), session), Error("Payment failed", later, session, at: TimeSpan.FromSeconds(1)));
        var laterEventId = (await _world.Issues.Store.ReadAsync(r => r.ListEventsAfterAsync(0, 10))).Single(e => e.ClientEventId == later).Id;

        var attachment = await _world.AddAsync("log", later);

        Assert.That((attachment.IssueId, attachment.EventId), Is.EqualTo(((Guid?)(await SingleIssueAsync()).Id, (Guid?)laterEventId)));
    }

    [Test]
    public async Task ReserveAsync_ProductionAndDevelopmentEventsOfOneMessageScanned_LinksToTheIssueOfTheEventsMode()
    {
        var (production, development) = (Guid.NewGuid(), Guid.NewGuid());
        await SendAsync(Error("Payment failed", production), Error("Payment failed", development) with { IsDev = true });
        var issues = await AllIssuesAsync();

        var (forProduction, forDevelopment) = (await _world.AddAsync("prod log", production), await _world.AddAsync("dev log", development));

        Assert.That(
            (forProduction.IssueId, forDevelopment.IssueId),
            Is.EqualTo(((Guid?)issues.Single(i => !i.IsDev).Id, (Guid?)issues.Single(i => i.IsDev).Id)));
    }

    [Test]
    public async Task ReserveAsync_EventDeletedAfterItsRetention_StaysUnlinked()
    {
        var clientEventId = Guid.NewGuid();
        await SendAsync(Error("Payment failed", clientEventId));
        _world.Clock.Advance(new IssuesOptions().EventRetention + TimeSpan.FromMinutes(1));
        await _world.Issues.Scanner.ScanAsync();

        var attachment = await _world.AddAsync("log", clientEventId);

        Assert.That((attachment.IssueId, attachment.EventId), Is.EqualTo(((Guid?)null, (Guid?)null)));
    }

    [Test]
    public async Task ReserveAsync_EventOfAnotherLevel_StaysUnlinked()
    {
        var clientEventId = Guid.NewGuid();
        await SendAsync(Error("Payment failed", Guid.NewGuid()), Error("Payment failed", clientEventId) with { Level = "warn" });

        var attachment = await _world.AddAsync("log", clientEventId);

        Assert.That(attachment.IssueId, Is.Null, "only error events are stored and scanned");
    }

    [Test]
    public async Task Scan_AttachmentReservedAfterIngestButBeforeTheScan_IsLinkedByTheScan()
    {
        var clientEventId = Guid.NewGuid();
        await _world.Issues.Ingestor.IngestAsync(new IngestSource(_world.App.Id, _world.Project.Id, "backend"), [Error("Payment failed", clientEventId)]);
        var attachment = await _world.AddAsync("log", clientEventId);
        Assert.That(attachment.IssueId, Is.Null, "not scanned yet");

        await _world.Issues.Scanner.ScanAsync();

        Assert.That((await _world.FindAsync(attachment.Id))!.IssueId, Is.EqualTo((await SingleIssueAsync()).Id));
    }

    [Test]
    public async Task Scan_EventThatAddsNoOccurrence_StillLinksItsAttachment()
    {
        var session = Guid.NewGuid();
        var second = Guid.NewGuid();
        await SendAsync(Error("Payment failed", Guid.NewGuid(), session));
        _world.Clock.Advance(TimeSpan.FromMinutes(5));
        var attachment = await _world.AddAsync("second event's log", second);

        await SendAsync(Error("Payment failed", second, session, at: TimeSpan.FromMinutes(5)));

        var issue = await SingleIssueAsync();
        Assert.That(await OccurrencesAsync(issue.Id), Has.Count.EqualTo(1), "the same session has one occurrence per issue");
        Assert.That((await _world.FindAsync(attachment.Id))!.IssueId, Is.EqualTo(issue.Id));
    }

    [Test]
    public async Task Detail_LinkedButNotUploaded_IsLeftOutUntilTheBytesArrive()
    {
        var clientEventId = Guid.NewGuid();
        await SendAsync(Error("Payment failed", clientEventId));
        var issue = await SingleIssueAsync();
        var content = AttachmentWorld.Content("later");
        var reserved = await _world.ReserveAsync(content, clientEventId);

        var before = (await DetailAsync(issue.Id)).Attachments;
        await _world.UploadAsync(reserved.Id, content);
        var after = (await DetailAsync(issue.Id)).Attachments;

        Assert.That(before, Is.Empty);
        Assert.That(after.Select(a => a.Id), Is.EqualTo(new[] { reserved.Id }));
    }

    [Test]
    public async Task Merge_MovesLinkedAttachmentsAndLaterReservationsFollowTheTarget()
    {
        var sourceEvent = Guid.NewGuid();
        await SendAsync(Error("Payment failed", sourceEvent), Error("Cart empty", Guid.NewGuid(), Guid.NewGuid()));
        var issues = await AllIssuesAsync();
        var source = issues.Single(i => i.Title == "Payment failed");
        var target = issues.Single(i => i.Title == "Cart empty");
        var before = await _world.AddAsync("before the merge", sourceEvent, filename: "before.log");

        await _world.Issues.Service.MergeAsync(_world.Owner, _world.Project.Id, target.Id, source.Id);
        var after = await _world.AddAsync("after the merge", sourceEvent, filename: "after.log");

        Assert.That((await _world.FindAsync(before.Id))!.IssueId, Is.EqualTo(target.Id), "a linked attachment did not move with the merge");
        Assert.That(after.IssueId, Is.EqualTo(target.Id), "a reservation after the merge went to the merged-away issue");
        Assert.That((await DetailAsync(target.Id)).Attachments.Select(a => a.Id), Is.EquivalentTo(new[] { before.Id, after.Id }));
    }

    [Test]
    public async Task Scan_SameClientEventIdFromAnotherApp_DoesNotLink()
    {
        var clientEventId = Guid.NewGuid();
        var attachment = await _world.AddAsync("log", clientEventId);
        var sibling = _world.Issues.AddApp(_world.Project.Id, "Sibling app");

        await _world.Issues.IngestAndScanAsync(sibling, [Error("Payment failed", clientEventId)]);

        Assert.That((await _world.FindAsync(attachment.Id))!.IssueId, Is.Null);
    }

    [Test]
    public async Task ListAsync_IssueFilter_PagesThroughTheIssuesAttachments()
    {
        var clientEventId = Guid.NewGuid();
        await SendAsync(Error("Payment failed", clientEventId));
        var issue = await SingleIssueAsync();
        var added = new List<IssueAttachment>();
        for (var i = 0; i < 5; i++)
        {
            added.Add(await _world.AddAsync($"log {i}", clientEventId, filename: $"log{i}.txt"));
        }

        await _world.AddAsync("unlinked");

        var first = (await _world.Attachments.ListAsync(_world.Member, new AttachmentQuery { IssueId = issue.Id, Limit = 3 })).Value;
        var second = (await _world.Attachments.ListAsync(_world.Member, new AttachmentQuery { IssueId = issue.Id, Limit = 3, Cursor = first.Cursor })).Value;

        Assert.That(first.Attachments.Concat(second.Attachments), Is.EqualTo(added.OrderByDescending(a => a.Id)));
        Assert.That((first.HasMore, second.HasMore), Is.EqualTo((true, false)));
    }

    private static IncomingEvent Error(string message, Guid clientEventId, Guid? session = null, TimeSpan? at = null) =>
        ScanWorld.Error(message, session ?? Guid.NewGuid(), at) with { ClientEventId = clientEventId.ToString() };

    private Task SendAsync(params IncomingEvent[] events) => _world.Issues.IngestAndScanAsync(_world.App, events);

    private async Task<IReadOnlyList<Issue>> AllIssuesAsync() =>
        await _world.Issues.Store.ReadAsync(r => r.ListIssuesAsync(new IssueListFilter([_world.Project.Id]), IssueSort.FirstSeen, null, 100));

    private async Task<Issue> SingleIssueAsync() => (await AllIssuesAsync()).Single();

    private Task<IReadOnlyList<IssueOccurrence>> OccurrencesAsync(Guid issueId) => _world.Issues.Store.ReadAsync(r => r.GetAllOccurrencesAsync(issueId));

    private async Task<IssueDetail> DetailAsync(Guid issueId) =>
        (await _world.Issues.Service.GetAsync(_world.Owner, _world.Project.Id, issueId, new OccurrencePageRequest())).Value;
}
