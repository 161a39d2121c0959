using Owlmetry.Issues.Tests.Support;
using static Owlmetry.Issues.Tests.Support.AttachmentWorld;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Tests.Attachments;

public sealed class AttachmentUploadTests
{
    private AttachmentWorld _world = null!;

    [SetUp]
    public void SetUp() => _world = new AttachmentWorld();

    [Test]
    public async Task UploadAsync_MatchingBytes_StoresThemAndMarksTheAttachmentUploaded()
    {
        var content = Content("NullReferenceException at Checkout.Pay()");
        var reserved = await _world.ReserveAsync(content);
        _world.Clock.Advance(TimeSpan.FromSeconds(3));

        var uploaded = await _world.UploadAsync(reserved.Id, content);

        Assert.That(uploaded.Value, Is.EqualTo(reserved with { UploadedAt = TestTimes.ClockStart.AddSeconds(3) }));
        Assert.That(await _world.FindAsync(reserved.Id), Is.EqualTo(uploaded.Value));
        Assert.That(await ReadBlobAsync(reserved.Id), Is.EqualTo(content));
    }

    [Test]
    public async Task UploadAsync_SecondUpload_Is409AndKeepsTheFirstBytes()
    {
        var content = Content("first");
        var reserved = await _world.ReserveAsync(content);
        await _world.UploadAsync(reserved.Id, content);

        var second = await _world.UploadAsync(reserved.Id, content);

        Assert.That(second.Error, Is.EqualTo(IssueError.Conflict("Attachment already uploaded") with { Code = "already_uploaded" }));
        Assert.That(await ReadBlobAsync(reserved.Id), Is.EqualTo(content));
    }

    [Test]
    public async Task UploadAsync_WrongHash_Is400KeepsNothingAndTheReservationStaysOpen()
    {
        var content = Content("the real log");
        var reserved = await _world.ReserveAsync(content);
        var tampered = Content("the fake log");

        var refused = await _world.UploadAsync(reserved.Id, tampered);
        var retried = await _world.UploadAsync(reserved.Id, content);

        Assert.That(refused.Error, Is.EqualTo(IssueError.Invalid(
            $"The upload's SHA-256 is {Sha256Of(tampered)}; the reservation declared {Sha256Of(content)}") with { Code = "hash_mismatch" }));
        Assert.That(retried.IsSuccess, Is.True, "a correct upload after a refused one");
    }

    [Test]
    public async Task UploadAsync_FewerBytesThanDeclared_Is400AndKeepsNothing()
    {
        var reserved = await _world.ReserveAsync(Content("0123456789"));

        var refused = await _world.UploadAsync(reserved.Id, Content("01234"));

        Assert.That(refused.Error, Is.EqualTo(IssueError.Invalid("The upload is 5 bytes (0 MiB); the reservation declared 10 bytes (0 MiB)") with { Code = "size_mismatch" }));
        Assert.That(_world.Issues.Blobs.Contains(reserved.Id), Is.False, "bytes of a refused upload were kept");
        Assert.That((await _world.FindAsync(reserved.Id))!.IsUploaded, Is.False);
    }

    [Test]
    public async Task UploadAsync_MoreBytesThanDeclared_Is413AndStopsReadingRightAfterTheLimit()
    {
        var declared = Content("0123456789");
        var reserved = await _world.ReserveAsync(declared);
        var endless = new CountingEndlessStream(chunk: 1_000);

        var refused = await _world.Attachments.UploadAsync(_world.Client, _world.App.Id, reserved.Id, endless);

        Assert.That(refused.Error, Is.EqualTo(IssueError.TooLarge(
            "The upload is larger than the 10 bytes (0 MiB) declared at reservation; it was cut off") with { Code = "size_mismatch" }));
        Assert.That(endless.BytesRead, Is.LessThanOrEqualTo(1_000), "the body was read on after it passed the declared size");
        Assert.That(_world.Issues.Blobs.Contains(reserved.Id), Is.False, "bytes of a refused upload were kept");
    }

    [TestCase(9, IssueErrorKind.Invalid)]
    [TestCase(11, IssueErrorKind.TooLarge)]
    public async Task UploadAsync_ContentLengthNotTheDeclaredSize_IsRefusedBeforeReading(long contentLength, IssueErrorKind kind)
    {
        var content = Content("0123456789");
        var reserved = await _world.ReserveAsync(content);
        var body = new CountingEndlessStream(chunk: 10);

        var refused = await _world.Attachments.UploadAsync(_world.Client, _world.App.Id, reserved.Id, body, contentLength);

        Assert.That(refused.Error?.Kind, Is.EqualTo(kind));
        Assert.That(refused.Error?.Code, Is.EqualTo("size_mismatch"));
        Assert.That(body.BytesRead, Is.Zero);
    }

    [TestCase("MZ\u0090\0 this is a Windows program")]
    [TestCase("#!/bin/sh\nrm -rf /")]
    [TestCase("\u007fELF...")]
    public async Task UploadAsync_BytesThatStartLikeAProgram_Are415AndKeepNothing(string text)
    {
        var content = System.Text.Encoding.Latin1.GetBytes(text);
        var reserved = await _world.ReserveAsync(content, filename: "innocent.txt");

        var refused = await _world.UploadAsync(reserved.Id, content);

        Assert.That(refused.Error, Is.EqualTo(
            IssueError.UnsupportedType("Executables and scripts are not accepted as attachments (the file starts like a program)") with { Code = "disallowed_content_type" }));
        Assert.That(_world.Issues.Blobs.Contains(reserved.Id), Is.False);
    }

    [Test]
    public async Task UploadAsync_AfterTheUploadWindow_Is410()
    {
        var content = Content("late");
        var reserved = await _world.ReserveAsync(content);
        _world.Clock.Advance(TimeSpan.FromHours(24));

        var late = await _world.UploadAsync(reserved.Id, content);

        Assert.That(late.Error, Is.EqualTo(IssueError.Gone("The upload window of this attachment has closed; reserve it again")));
    }

    [Test]
    public async Task UploadAsync_ReservationOfAnotherAppUnknownOrDeleted_Is404()
    {
        var content = Content("x");
        var reserved = await _world.ReserveAsync(content);
        var deleted = await _world.ReserveAsync(Content("y"));
        await _world.Attachments.DeleteAsync(_world.Admin, deleted.Id);
        var otherTeamsApp = await _world.Attachments.UploadAsync(_world.OtherClient, _world.OtherApp.Id, reserved.Id, new MemoryStream(content));

        var unknown = await _world.UploadAsync(Guid.NewGuid(), content);
        var ofDeleted = await _world.UploadAsync(deleted.Id, Content("y"));

        Assert.That(otherTeamsApp.Error, Is.EqualTo(IssueError.NotFound("Attachment not found")));
        Assert.That(unknown.Error, Is.EqualTo(IssueError.NotFound("Attachment not found")));
        Assert.That(ofDeleted.Error, Is.EqualTo(IssueError.NotFound("Attachment not found")));
    }

    [Test]
    public async Task UploadAsync_ClientOfAnotherTeamOnThisApp_Is404()
    {
        var reserved = await _world.ReserveAsync(Content("x"));

        var result = await _world.Attachments.UploadAsync(_world.OtherClient, _world.App.Id, reserved.Id, new MemoryStream(Content("x")));

        Assert.That(result.Error, Is.EqualTo(IssueError.NotFound("App not found")));
    }

    [Test]
    public async Task UploadAsync_WhileAnotherUploadOfItRuns_Is409()
    {
        var content = new byte[10];
        var reserved = await _world.ReserveAsync(content);
        var stalled = new StalledStream();
        var first = _world.Attachments.UploadAsync(_world.Client, _world.App.Id, reserved.Id, stalled);
        await stalled.Reading;

        var second = await _world.UploadAsync(reserved.Id, content);
        stalled.Release(content);
        var firstResult = await first;

        Assert.That(second.Error, Is.EqualTo(IssueError.Conflict("An upload of this attachment is already in progress")));
        Assert.That(firstResult.IsSuccess, Is.True, firstResult.ToString());
    }

    [Test]
    public async Task UploadAsync_BodyFailsMidway_KeepsNothingAndRethrows()
    {
        var reserved = await _world.ReserveAsync(new byte[100]);

        await Assert.ThatAsync(
            () => _world.Attachments.UploadAsync(_world.Client, _world.App.Id, reserved.Id, new FailingStream(after: 50)),
            Throws.InstanceOf<IOException>());

        Assert.That(_world.Issues.Blobs.Contains(reserved.Id), Is.False);
        Assert.That((await _world.FindAsync(reserved.Id))!.IsUploaded, Is.False);
    }

    private async Task<byte[]> ReadBlobAsync(Guid attachmentId)
    {
        await using var stream = (await _world.Issues.Blobs.OpenReadAsync(attachmentId))!;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
