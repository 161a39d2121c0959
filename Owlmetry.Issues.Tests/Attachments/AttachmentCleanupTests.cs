using Owlmetry.Issues.Tests.Support;
using static Owlmetry.Issues.Tests.Support.AttachmentWorld;
using Owlmetry.Issues.Attachments;

namespace Owlmetry.Issues.Tests.Attachments;

public sealed class AttachmentCleanupTests
{
    private AttachmentWorld _world = null!;

    [SetUp]
    public void SetUp() => _world = new AttachmentWorld();

    [Test]
    public async Task RunAsync_SoftDeleted_IsPurgedWithItsBytesOnce7DaysHavePassedNotBefore()
    {
        var attachment = await _world.AddAsync("deleted soon", userId: "u1");
        await _world.Attachments.DeleteAsync(_world.Admin, attachment.Id);
        _world.Clock.Advance(TimeSpan.FromDays(7));

        var early = await _world.Issues.AttachmentCleanup.RunAsync();
        var keptRow = await _world.FindAsync(attachment.Id);
        _world.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var due = await _world.Issues.AttachmentCleanup.RunAsync();

        Assert.That(early, Is.EqualTo(new AttachmentCleanupResult(0, 0)));
        Assert.That(keptRow, Is.Not.Null);
        Assert.That(due, Is.EqualTo(new AttachmentCleanupResult(1, 0)));
        Assert.That(await _world.FindAsync(attachment.Id), Is.Null, "the row was not purged");
        Assert.That(_world.Issues.Blobs.Contains(attachment.Id), Is.False, "the bytes were not purged");
    }

    [Test]
    public async Task RunAsync_ReservationNeverUploaded_IsPurgedOnce24HoursHavePassed()
    {
        var abandoned = await _world.ReserveAsync(Content("never sent"), userId: "u1");
        var uploaded = await _world.AddAsync("sent", userId: "u1");
        _world.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMilliseconds(1));

        var result = await _world.Issues.AttachmentCleanup.RunAsync();

        Assert.That(result, Is.EqualTo(new AttachmentCleanupResult(0, 1)));
        Assert.That(await _world.FindAsync(abandoned.Id), Is.Null);
        Assert.That(await _world.FindAsync(uploaded.Id), Is.EqualTo(uploaded), "an uploaded attachment is kept however old");
        Assert.That(_world.Issues.Blobs.Contains(uploaded.Id), Is.True);
        Assert.That(await _world.Issues.Store.ReadAsync(r => r.GetUserAttachmentBytesAsync(_world.Project.Id, "u1")), Is.EqualTo(uploaded.SizeBytes));
    }

    [Test]
    public async Task RunAsync_ManyDue_PurgesThemAllInOneRun()
    {
        for (var i = 0; i < 230; i++)
        {
            await _world.ReserveAsync(Content($"file {i}"));
        }

        _world.Clock.Advance(TimeSpan.FromDays(2));

        var result = await _world.Issues.AttachmentCleanup.RunAsync();

        Assert.That(result.AbandonedPurged, Is.EqualTo(230));
        Assert.That(await _world.Issues.Store.ReadAsync(r => r.GetProjectAttachmentBytesAsync(_world.Project.Id)), Is.Zero);
    }

    [Test]
    public async Task RunAsync_UploadStillStreamingAtTheDeadline_IsLeftForTheNextRun()
    {
        var content = new byte[10];
        var reserved = await _world.ReserveAsync(content);
        var stalled = new StalledStream();
        var upload = _world.Attachments.UploadAsync(_world.Client, _world.App.Id, reserved.Id, stalled);
        await stalled.Reading;
        _world.Clock.Advance(TimeSpan.FromHours(25));

        var during = await _world.Issues.AttachmentCleanup.RunAsync();
        stalled.Release(content);
        var uploaded = await upload;

        Assert.That(during.AbandonedPurged, Is.Zero);
        Assert.That(uploaded.IsSuccess, Is.True, uploaded.ToString());
    }
}
