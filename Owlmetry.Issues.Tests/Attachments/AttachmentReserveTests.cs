using Owlmetry.Issues.Tests.Support;
using static Owlmetry.Issues.Tests.Support.AttachmentWorld;
using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Tests.Attachments;

public sealed class AttachmentReserveTests
{
    private AttachmentWorld _world = null!;

    [SetUp]
    public void SetUp() => _world = new AttachmentWorld();

    [Test]
    public async Task ReserveAsync_ValidRequest_StoresAReservationThatExpiresAfterTheUploadWindow()
    {
        var content = Content("stack trace");
        var clientEventId = Guid.NewGuid();

        var reservation = (await _world.Attachments.ReserveAsync(
            _world.Client, _world.App.Id, RequestFor(content, clientEventId, "crash.log", "text/plain", "u1") with { IsDev = true })).Value;

        var stored = await _world.FindAsync(reservation.Attachment.Id);
        Assert.That(stored, Is.EqualTo(reservation.Attachment));
        Assert.That(stored, Is.EqualTo(new IssueAttachment
        {
            Id = reservation.Attachment.Id,
            ProjectId = _world.Project.Id,
            AppId = _world.App.Id,
            ClientEventId = clientEventId,
            UserId = "u1",
            IsDev = true,
            OriginalFilename = "crash.log",
            ContentType = "text/plain",
            SizeBytes = content.Length,
            Sha256 = Sha256Of(content),
            CreatedAt = TestTimes.ClockStart,
        }));
        Assert.That(reservation.UploadExpiresAt, Is.EqualTo(TestTimes.ClockStart.AddHours(24)));
    }

    [Test]
    public async Task ReserveAsync_InvalidField_Is400AndStoresNothing()
    {
        var result = await _world.Attachments.ReserveAsync(_world.Client, _world.App.Id, RequestFor(Content("x")) with { Sha256 = "nope" });

        Assert.That(result.Error, Is.EqualTo(IssueError.Invalid("sha256 must be 64 lowercase hex digits") with { Code = "invalid_request" }));
        Assert.That(await _world.Issues.Store.ReadAsync(r => r.GetProjectAttachmentBytesAsync(_world.Project.Id)), Is.Zero);
    }

    [Test]
    public async Task ReserveAsync_Executable_Is415DisallowedContentType()
    {
        var result = await _world.Attachments.ReserveAsync(_world.Client, _world.App.Id, RequestFor(Content("MZ"), filename: "setup.exe"));

        Assert.That(result.Error?.Kind, Is.EqualTo(IssueErrorKind.UnsupportedType));
        Assert.That(result.Error?.Code, Is.EqualTo("disallowed_content_type"));
    }

    [Test]
    public async Task ReserveAsync_OverTheUserQuota_Is413UserQuotaExhaustedWithTheFiguresAndOtherUsersStillFit()
    {
        _world = new AttachmentWorld(new AttachmentOptions { UserQuotaBytes = 100, ProjectQuotaBytes = 1_000 });
        await _world.ReserveAsync(new byte[60], userId: "u1");

        var over = await _world.Attachments.ReserveAsync(_world.Client, _world.App.Id, RequestFor(new byte[41], userId: "u1"));
        var exactlyFull = await _world.Attachments.ReserveAsync(_world.Client, _world.App.Id, RequestFor(new byte[40], userId: "u1"));
        var otherUser = await _world.Attachments.ReserveAsync(_world.Client, _world.App.Id, RequestFor(new byte[41], userId: "u2"));

        Assert.That(over.Error, Is.EqualTo(IssueError.TooLarge(
            "Attachment quota of the user exceeded: 60 bytes (0 MiB) of 100 bytes (0 MiB) in use, and this attachment needs 41 bytes (0 MiB)")
            with { Code = "user_quota_exhausted", Figures = new Dictionary<string, long> { ["user_quota_bytes"] = 100, ["user_used_bytes"] = 60 } }));
        Assert.That(exactlyFull.IsSuccess, Is.True, exactlyFull.ToString());
        Assert.That(otherUser.IsSuccess, Is.True, otherUser.ToString());
    }

    [Test]
    public async Task ReserveAsync_OverTheProjectQuota_Is413QuotaExhaustedWithTheFigures()
    {
        _world = new AttachmentWorld(new AttachmentOptions { ProjectQuotaBytes = 3 * AttachmentOptions.MiB });
        await _world.ReserveAsync(new byte[2 * AttachmentOptions.MiB]);

        var over = await _world.Attachments.ReserveAsync(_world.Client, _world.App.Id, RequestFor(new byte[(int)AttachmentOptions.MiB + 1]));

        Assert.That(over.Error, Is.EqualTo(IssueError.TooLarge(
            "Attachment quota of the project exceeded: 2097152 bytes (2 MiB) of 3145728 bytes (3 MiB) in use, and this attachment needs 1048577 bytes (1 MiB)")
            with { Code = "quota_exhausted", Figures = new Dictionary<string, long> { ["quota_bytes"] = 3 * AttachmentOptions.MiB, ["used_bytes"] = 2 * AttachmentOptions.MiB } }));
    }

    [Test]
    public async Task ReserveAsync_OverBothQuotas_IsTheUsersAsTheReferenceChecksItFirst()
    {
        _world = new AttachmentWorld(new AttachmentOptions { UserQuotaBytes = 100, ProjectQuotaBytes = 100 });
        await _world.ReserveAsync(new byte[60], userId: "u1");

        var over = await _world.Attachments.ReserveAsync(_world.Client, _world.App.Id, RequestFor(new byte[41], userId: "u1"));
        var overWithoutUser = await _world.Attachments.ReserveAsync(_world.Client, _world.App.Id, RequestFor(new byte[41]));

        Assert.That(over.Error?.Code, Is.EqualTo("user_quota_exhausted"), over.ToString());
        Assert.That(overWithoutUser.Error?.Code, Is.EqualTo("quota_exhausted"), overWithoutUser.ToString());
    }

    [Test]
    public async Task ReserveAsync_AfterADelete_TheQuotaIsFreeAgain()
    {
        _world = new AttachmentWorld(new AttachmentOptions { UserQuotaBytes = 100 });
        var first = await _world.AddAsync(new string('x', 100), userId: "u1");
        await _world.Attachments.DeleteAsync(_world.Admin, first.Id);

        var second = await _world.Attachments.ReserveAsync(_world.Client, _world.App.Id, RequestFor(new byte[100], userId: "u1"));

        Assert.That(second.IsSuccess, Is.True, second.ToString());
    }

    [Test]
    public async Task ReserveAsync_SameFileAgainWhileWaiting_ReturnsTheSameReservationAndChargesOnce()
    {
        var content = Content("retry me");
        var clientEventId = Guid.NewGuid();
        var first = await _world.ReserveAsync(content, clientEventId, userId: "u1");

        var again = await _world.Attachments.ReserveAsync(_world.Client, _world.App.Id, RequestFor(content, clientEventId, userId: "u1"));

        Assert.That(again.Value.Attachment, Is.EqualTo(first));
        Assert.That(await _world.Issues.Store.ReadAsync(r => r.GetUserAttachmentBytesAsync(_world.Project.Id, "u1")), Is.EqualTo(content.Length));
    }

    [Test]
    public async Task ReserveAsync_SameFileAfterItWasUploaded_Is409()
    {
        var clientEventId = Guid.NewGuid();
        await _world.AddAsync("done", clientEventId);

        var again = await _world.Attachments.ReserveAsync(_world.Client, _world.App.Id, RequestFor(Content("done"), clientEventId));

        Assert.That(again.Error, Is.EqualTo(IssueError.Conflict("This file is already attached to the event") with { Code = "already_uploaded" }));
    }

    [Test]
    public async Task ReserveAsync_TwoFilesForOneEvent_AreTwoAttachments()
    {
        var clientEventId = Guid.NewGuid();

        var log = await _world.ReserveAsync(Content("log"), clientEventId, filename: "app.log");
        var screenshot = await _world.ReserveAsync(Content("png"), clientEventId, filename: "screen.png");

        Assert.That(log.Id, Is.Not.EqualTo(screenshot.Id));
    }

    [Test]
    public async Task ReserveAsync_KeyWithoutEventsWrite_Is403()
    {
        var result = await _world.Attachments.ReserveAsync(_world.ReadingAgent, _world.App.Id, RequestFor(Content("x")));

        Assert.That(result.Error, Is.EqualTo(IssueError.MissingPermission("events:write")));
    }

    [Test]
    public async Task ReserveAsync_AppOfAnotherTeamOrUnknown_Is404()
    {
        var foreign = await _world.Attachments.ReserveAsync(_world.Client, _world.OtherApp.Id, RequestFor(Content("x")));
        var unknown = await _world.Attachments.ReserveAsync(_world.Client, Guid.NewGuid(), RequestFor(Content("x")));

        Assert.That(foreign.Error, Is.EqualTo(IssueError.NotFound("App not found")));
        Assert.That(unknown.Error, Is.EqualTo(IssueError.NotFound("App not found")));
    }
}
