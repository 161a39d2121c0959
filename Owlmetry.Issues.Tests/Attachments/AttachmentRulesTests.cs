using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Tests.Attachments;

public sealed class AttachmentRulesTests
{
    private static readonly AttachmentOptions s_options = new();

    private static AttachmentReservationRequest Valid() => new()
    {
        ClientEventId = Guid.NewGuid().ToString(),
        OriginalFilename = "crash.log",
        ContentType = "text/plain; charset=utf-8",
        SizeBytes = 10,
        Sha256 = new string('0', 63) + "f",
        UserId = "user-1",
        IsDev = true,
    };

    [Test]
    public void Validate_ValidRequest_KeepsEveryField()
    {
        var request = Valid();

        var valid = AttachmentRules.Validate(request, s_options).Value;

        Assert.That(valid, Is.EqualTo(new ValidReservation(
            Guid.Parse(request.ClientEventId!), "crash.log", "text/plain; charset=utf-8", 10, request.Sha256!, "user-1", true)));
    }

    public static IEnumerable<TestCaseData> InvalidRequests()
    {
        yield return Case(r => r with { ClientEventId = null }, "client_event_id is required");
        yield return Case(r => r with { ClientEventId = "evt-1" }, "client_event_id must be a UUID");
        yield return Case(r => r with { OriginalFilename = null }, "original_filename is required");
        yield return Case(r => r with { OriginalFilename = "" }, "original_filename is required");
        yield return Case(r => r with { OriginalFilename = new string('a', 252) + ".log" }, "original_filename must be at most 255 characters");
        yield return Case(r => r with { OriginalFilename = "../../etc/passwd" }, NotAName);
        yield return Case(r => r with { OriginalFilename = "logs/crash.log" }, NotAName);
        yield return Case(r => r with { OriginalFilename = @"C:\temp\crash.log" }, NotAName);
        yield return Case(r => r with { OriginalFilename = "crash\0.log" }, NotAName);
        yield return Case(r => r with { OriginalFilename = "crash\n.log" }, NotAName);
        yield return Case(r => r with { OriginalFilename = "invoice\u202Egol.exe" }, NotAName);
        yield return Case(r => r with { OriginalFilename = ".." }, NotAName);
        yield return Case(r => r with { OriginalFilename = "   " }, NotAName);
        yield return Case(r => r with { ContentType = null }, "content_type is required");
        yield return Case(r => r with { ContentType = " " }, "content_type is required");
        yield return Case(r => r with { ContentType = "text/" + new string('a', 251) }, "content_type must be at most 255 characters");
        yield return Case(r => r with { ContentType = "text" }, NotAType);
        yield return Case(r => r with { ContentType = "text/plain/extra" }, NotAType);
        yield return Case(r => r with { ContentType = "text plain/x" }, NotAType);
        yield return Case(r => r with { ContentType = "text/pl\rain" }, NotAType);
        yield return Case(r => r with { SizeBytes = null }, "size_bytes is required");
        yield return Case(r => r with { SizeBytes = 0 }, "size_bytes must be positive");
        yield return Case(r => r with { SizeBytes = -5 }, "size_bytes must be positive");
        yield return Case(r => r with { Sha256 = null }, "sha256 is required");
        yield return Case(r => r with { Sha256 = new string('A', 64) }, NotAHash);
        yield return Case(r => r with { Sha256 = new string('a', 63) }, NotAHash);
        yield return Case(r => r with { Sha256 = new string('a', 65) }, NotAHash);
        yield return Case(r => r with { Sha256 = new string('g', 64) }, NotAHash);
        yield return Case(r => r with { UserId = new string('u', 256) }, "user_id must be at most 255 characters");
    }

    [TestCaseSource(nameof(InvalidRequests))]
    public void Validate_InvalidField_Is400InvalidRequestWithMessage(Func<AttachmentReservationRequest, AttachmentReservationRequest> change, string message)
    {
        var result = AttachmentRules.Validate(change(Valid()), s_options);

        Assert.That(result.Error, Is.EqualTo(IssueError.Invalid(message) with { Code = "invalid_request" }));
    }

    [TestCase(255)]
    [TestCase(1)]
    public void Validate_FilenameAtBounds_IsAccepted(int length)
    {
        var result = AttachmentRules.Validate(Valid() with { OriginalFilename = new string('a', length) }, s_options);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
    }

    [Test]
    public void Validate_SizeAtTheLimit_IsAcceptedAndOneMoreIs413WithTheFigures()
    {
        var atLimit = AttachmentRules.Validate(Valid() with { SizeBytes = s_options.MaxAttachmentBytes }, s_options);
        var over = AttachmentRules.Validate(Valid() with { SizeBytes = s_options.MaxAttachmentBytes + 1 }, s_options);

        Assert.That(atLimit.IsSuccess, Is.True, atLimit.ToString());
        Assert.That(over.Error, Is.EqualTo(IssueError.TooLarge(
            "size_bytes is 262144001 bytes (250 MiB); the largest attachment accepted is 262144000 bytes (250 MiB)")), "no code: the reference has no such refusal");
    }

    [TestCase("application/x-msdownload")]
    [TestCase("Application/X-MSDownload; name=setup")]
    [TestCase("application/x-sh")]
    [TestCase("text/javascript")]
    [TestCase("application/java-archive")]
    [TestCase("application/vnd.android.package-archive")]
    [TestCase("application/x-msi")]
    public void Validate_ExecutableContentType_Is415DisallowedContentType(string contentType)
    {
        var result = AttachmentRules.Validate(Valid() with { ContentType = contentType, OriginalFilename = "data.bin" }, s_options);

        Assert.That(result.Error?.Kind, Is.EqualTo(IssueErrorKind.UnsupportedType), result.ToString());
        Assert.That(result.Error?.Message, Does.StartWith("Executables and scripts are not accepted as attachments (content_type"));
        Assert.That(result.Error?.Code, Is.EqualTo("disallowed_content_type"));
    }

    [TestCase("setup.exe", "exe")]
    [TestCase("SETUP.EXE", "exe")]
    [TestCase("payload.dll", "dll")]
    [TestCase("run.bat", "bat")]
    [TestCase("run.cmd", "cmd")]
    [TestCase("install.sh", "sh")]
    [TestCase("script.ps1", "ps1")]
    [TestCase("app.js", "js")]
    [TestCase("macro.vbs", "vbs")]
    [TestCase("tool.jar", "jar")]
    [TestCase("setup.msi", "msi")]
    [TestCase("old.com", "com")]
    [TestCase("screen.scr", "scr")]
    [TestCase("report.txt.exe", "exe")]
    [TestCase("run.exe. .", "exe")]
    public void Validate_ExecutableExtension_Is415EvenWithAnInnocentType(string filename, string extension)
    {
        var result = AttachmentRules.Validate(Valid() with { OriginalFilename = filename, ContentType = "text/plain" }, s_options);

        Assert.That(result.Error, Is.EqualTo(
            IssueError.UnsupportedType($"Executables and scripts are not accepted as attachments (.{extension} files)") with { Code = "disallowed_content_type" }));
    }

    [TestCase("crash.log", "text/plain")]
    [TestCase("screenshot.png", "image/png")]
    [TestCase("report.exe.txt", "text/plain")]
    [TestCase("state.json", "application/json")]
    [TestCase("dump", "application/octet-stream")]
    [TestCase("logs.zip", "application/zip")]
    [TestCase("page.html", "text/html")]
    public void Validate_OrdinaryFile_IsAccepted(string filename, string contentType)
    {
        var result = AttachmentRules.Validate(Valid() with { OriginalFilename = filename, ContentType = contentType }, s_options);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
    }

    private const string NotAName = "original_filename must be a file name without path separators or control characters";
    private const string NotAType = "content_type must be a media type like type/subtype";
    private const string NotAHash = "sha256 must be 64 lowercase hex digits";

    private static int s_case;

    private static TestCaseData Case(Func<AttachmentReservationRequest, AttachmentReservationRequest> change, string message) =>
        new TestCaseData(change, message).SetArgDisplayNames($"{++s_case}: {message}");
}
