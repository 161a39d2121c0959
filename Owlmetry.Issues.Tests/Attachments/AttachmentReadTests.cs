using Owlmetry.Issues.Tests.Support;
using static Owlmetry.Issues.Tests.Support.AttachmentWorld;
using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Tests.Attachments;

public sealed class AttachmentReadTests
{
    private AttachmentWorld _world = null!;

    [SetUp]
    public void SetUp() => _world = new AttachmentWorld();

    [Test]
    public async Task ListAsync_EqualTimestamps_PagesThroughEveryUploadedOneOnceNewestFirst()
    {
        var uploaded = new List<IssueAttachment>();
        for (var i = 0; i < 7; i++)
        {
            uploaded.Add(await _world.AddAsync($"log {i}"));
            if (i % 3 == 2)
            {
                _world.Clock.Advance(TimeSpan.FromMilliseconds(1));
            }
        }

        await _world.ReserveAsync(Content("never uploaded"));

        var walked = new List<IssueAttachment>();
        string? cursor = null;
        do
        {
            var page = (await _world.Attachments.ListAsync(_world.Member, new AttachmentQuery { ProjectId = _world.Project.Id, Cursor = cursor, Limit = 2 })).Value;
            walked.AddRange(page.Attachments);
            Assert.That(page.HasMore, Is.EqualTo(page.Cursor is not null));
            cursor = page.Cursor;
        }
        while (cursor is not null);

        Assert.That(walked, Is.EqualTo(uploaded.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)));
    }

    [Test]
    public async Task ListAsync_NoProjectOrIssue_CoversEveryProjectOfTheActorsTeams()
    {
        var mine = await _world.AddAsync("mine");
        var theirs = await _world.Attachments.ReserveAsync(_world.OtherClient, _world.OtherApp.Id, RequestFor(Content("theirs")));
        await _world.Attachments.UploadAsync(_world.OtherClient, _world.OtherApp.Id, theirs.Value.Attachment.Id, new MemoryStream(Content("theirs")));

        var listed = (await _world.Attachments.ListAsync(_world.Member, new AttachmentQuery())).Value;

        Assert.That(listed.Attachments.Select(a => a.Id), Is.EqualTo(new[] { mine.Id }));
    }

    [Test]
    public async Task ListAsync_EventClientIdFilter_ReturnsThatEventsFiles()
    {
        var clientEventId = Guid.NewGuid();
        var log = await _world.AddAsync("log", clientEventId, filename: "app.log");
        await _world.AddAsync("other event");

        var listed = (await _world.Attachments.ListAsync(_world.ReadingAgent, new AttachmentQuery { ProjectId = _world.Project.Id, ClientEventId = clientEventId })).Value;

        Assert.That(listed.Attachments, Is.EqualTo(new[] { log }));
    }

    [Test]
    public async Task ListAsync_BadCursor_Is400()
    {
        var result = await _world.Attachments.ListAsync(_world.Member, new AttachmentQuery { Cursor = "bm9wZQ" });

        Assert.That(result.Error, Is.EqualTo(IssueError.Invalid("Invalid cursor")));
    }

    [Test]
    public async Task ListAsync_ProjectOrIssueOfAnotherTeam_Is404()
    {
        var foreignIssue = await _world.Issues.SeedIssueAsync(new Issues.Testing.IssueSeed(_world.OtherApp.Id, "theirs"));
        var ownIssue = await _world.Issues.SeedIssueAsync(new Issues.Testing.IssueSeed(_world.App.Id, "ours"));

        var project = await _world.Attachments.ListAsync(_world.Member, new AttachmentQuery { ProjectId = _world.OtherProject.Id });
        var issue = await _world.Attachments.ListAsync(_world.Member, new AttachmentQuery { IssueId = foreignIssue.Id });
        var mismatch = await _world.Attachments.ListAsync(_world.Outsider, new AttachmentQuery { ProjectId = _world.OtherProject.Id, IssueId = ownIssue.Id });

        Assert.That(project.Error, Is.EqualTo(IssueError.NotFound("Project not found")));
        Assert.That(issue.Error, Is.EqualTo(IssueError.NotFound("Issue not found")));
        Assert.That(mismatch.Error, Is.EqualTo(IssueError.NotFound("Issue not found")));
    }

    [Test]
    public async Task ListAsync_KeyWithoutEventsRead_Is403()
    {
        var client = await _world.Attachments.ListAsync(_world.Client, new AttachmentQuery { ProjectId = _world.Project.Id });
        var issuesOnly = await _world.Attachments.ListAsync(_world.IssuesAgent, new AttachmentQuery { ProjectId = _world.Project.Id });

        Assert.That(client.Error, Is.EqualTo(IssueError.MissingPermission("events:read")));
        Assert.That(issuesOnly.Error, Is.EqualTo(IssueError.MissingPermission("events:read")));
    }

    [Test]
    public async Task GetAsync_Uploaded_CarriesADownloadTokenThatOpensTheBytes()
    {
        var attachment = await _world.AddAsync("the bytes");

        var detail = (await _world.Attachments.GetAsync(_world.ReadingAgent, attachment.Id)).Value;
        var download = (await _world.Attachments.OpenDownloadAsync(detail.DownloadToken)).Value;

        Assert.That(detail.Attachment, Is.EqualTo(attachment));
        Assert.That(detail.DownloadExpiresAt, Is.EqualTo(TestTimes.ClockStart.AddSeconds(60)));
        Assert.That(download.Attachment, Is.EqualTo(attachment));
        using var reader = new StreamReader(download.Content);
        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("the bytes"));
    }

    [Test]
    public async Task GetAsync_OnlyReserved_HasNoDownloadToken()
    {
        var reserved = await _world.ReserveAsync(Content("pending"));

        var detail = (await _world.Attachments.GetAsync(_world.Member, reserved.Id)).Value;

        Assert.That((detail.DownloadToken, detail.DownloadExpiresAt), Is.EqualTo(((string?)null, (DateTimeOffset?)null)));
    }

    [Test]
    public async Task GetAsync_OfAnotherTeamDeletedOrUnknown_Is404()
    {
        var attachment = await _world.AddAsync("x");
        var deleted = await _world.AddAsync("y");
        await _world.Attachments.DeleteAsync(_world.Admin, deleted.Id);

        var results = new[]
        {
            await _world.Attachments.GetAsync(_world.Outsider, attachment.Id),
            await _world.Attachments.GetAsync(_world.Member, deleted.Id),
            await _world.Attachments.GetAsync(_world.Member, Guid.NewGuid()),
        };

        Assert.That(results.Select(r => r.Error), Has.All.EqualTo(IssueError.NotFound("Attachment not found")));
    }

    [Test]
    public async Task OpenDownloadAsync_After60Seconds_Is401InvalidOrExpired()
    {
        var attachment = await _world.AddAsync("x");
        var token = (await _world.Attachments.GetAsync(_world.Member, attachment.Id)).Value.DownloadToken;
        _world.Clock.Advance(TimeSpan.FromSeconds(59.999));
        var stillValid = await _world.Attachments.OpenDownloadAsync(token);
        await stillValid.Value.Content.DisposeAsync();
        _world.Clock.Advance(TimeSpan.FromMilliseconds(1));

        var expired = await _world.Attachments.OpenDownloadAsync(token);

        Assert.That(stillValid.IsSuccess, Is.True);
        Assert.That(expired.Error, Is.EqualTo(IssueError.Unauthenticated("Invalid or expired download token")));
    }

    [Test]
    public async Task OpenDownloadAsync_TamperedOrForeignToken_Is401InvalidOrExpired()
    {
        var attachment = await _world.AddAsync("x");
        var token = (await _world.Attachments.GetAsync(_world.Member, attachment.Id)).Value.DownloadToken!;
        var tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        var signedElsewhere = new AttachmentWorld().Issues.Attachments;

        var results = new[]
        {
            await _world.Attachments.OpenDownloadAsync(tampered),
            await _world.Attachments.OpenDownloadAsync(token + "A"),
            await _world.Attachments.OpenDownloadAsync("not a token"),
            await signedElsewhere.OpenDownloadAsync(token),
        };

        Assert.That(results.Select(r => r.Error), Has.All.EqualTo(IssueError.Unauthenticated("Invalid or expired download token")));
    }

    [TestCase(null)]
    [TestCase("")]
    public async Task OpenDownloadAsync_NoToken_Is401Missing(string? token)
    {
        var result = await _world.Attachments.OpenDownloadAsync(token);

        Assert.That(result.Error, Is.EqualTo(IssueError.Unauthenticated("Missing download token")));
    }

    [Test]
    public async Task OpenDownloadAsync_AttachmentDeletedAfterTheLinkWasMade_Is404()
    {
        var attachment = await _world.AddAsync("x");
        var token = (await _world.Attachments.GetAsync(_world.Member, attachment.Id)).Value.DownloadToken;
        await _world.Attachments.DeleteAsync(_world.Admin, attachment.Id);

        var result = await _world.Attachments.OpenDownloadAsync(token);

        Assert.That(result.Error, Is.EqualTo(IssueError.NotFound("Attachment not found")));
    }

    public static IEnumerable<TestCaseData> Deleters()
    {
        yield return new TestCaseData("owner", null).SetName("DeleteAsync_ByOwner_SoftDeletes");
        yield return new TestCaseData("admin", null).SetName("DeleteAsync_ByAdmin_SoftDeletes");
        yield return new TestCaseData("agent", null).SetName("DeleteAsync_ByAgentWithEventsWrite_SoftDeletes");
        yield return new TestCaseData("member", IssueError.Forbidden("Only a team owner or admin may delete attachments")).SetName("DeleteAsync_ByMember_Is403");
        yield return new TestCaseData("reader", IssueError.MissingPermission("events:write")).SetName("DeleteAsync_ByAgentWithoutEventsWrite_Is403");
        yield return new TestCaseData("client", IssueError.Forbidden("Client keys cannot delete attachments")).SetName("DeleteAsync_ByClientKey_Is403");
        yield return new TestCaseData("outsider", IssueError.NotFound("Attachment not found")).SetName("DeleteAsync_ByAnotherTeamsOwner_Is404");
    }

    [TestCaseSource(nameof(Deleters))]
    public async Task DeleteAsync_ByCaller(string caller, IssueError? expected)
    {
        var attachment = await _world.AddAsync("to delete");
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        var actor = caller switch
        {
            "owner" => _world.Owner,
            "admin" => _world.Admin,
            "agent" => _world.Agent,
            "member" => _world.Member,
            "reader" => _world.ReadingAgent,
            "client" => _world.Client,
            _ => _world.Outsider,
        };

        var result = await _world.Attachments.DeleteAsync(actor, attachment.Id);

        var stored = await _world.FindAsync(attachment.Id);
        if (expected is null)
        {
            Assert.That(result.Value, Is.EqualTo(attachment with { DeletedAt = TestTimes.ClockStart.AddMinutes(1) }));
            Assert.That(stored, Is.EqualTo(result.Value), "the row is kept, marked deleted, for the cleanup");
            Assert.That(_world.Issues.Blobs.Contains(attachment.Id), Is.True, "the bytes wait for the cleanup");
        }
        else
        {
            Assert.That(result.Error, Is.EqualTo(expected));
            Assert.That(stored!.DeletedAt, Is.Null);
        }
    }

    [Test]
    public async Task DeleteAsync_Twice_SecondIs404()
    {
        var attachment = await _world.AddAsync("x");
        await _world.Attachments.DeleteAsync(_world.Admin, attachment.Id);

        var again = await _world.Attachments.DeleteAsync(_world.Admin, attachment.Id);

        Assert.That(again.Error, Is.EqualTo(IssueError.NotFound("Attachment not found")));
    }
}
