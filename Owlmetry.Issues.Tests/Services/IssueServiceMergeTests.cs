using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Testing;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Services;

public sealed class IssueServiceMergeTests
{
    private TeamWorld _world = null!;

    [SetUp]
    public void SetUp() => _world = new TeamWorld();

    [Test]
    public async Task MergeAsync_TwoIssues_CombinesFingerprintsAndDeletesSource()
    {
        var target = await _world.SeedAsync(new IssueSeed(_world.App.Id, "target") { Fingerprints = ["aaa"] });
        var source = await _world.SeedAsync(new IssueSeed(_world.App.Id, "source") { Fingerprints = ["bbb", "ccc"] });

        var result = await _world.Service.MergeAsync(_world.Member, _world.Project.Id, target.Id, source.Id);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(result.Value.Issue.Fingerprints, Is.EquivalentTo(new[] { "aaa", "bbb", "ccc" }));
        var (sourceAfter, routed) = await _world.Issues.Store.ReadAsync(async r =>
            (await r.FindIssueAsync(source.Id), await r.FindIssueIdByFingerprintAsync(new FingerprintKey("bbb", _world.App.Id, false))));
        Assert.That(sourceAfter, Is.Null, "the source must be deleted");
        Assert.That(routed, Is.EqualTo(target.Id), "a moved fingerprint must route to the target");
    }

    [Test]
    public async Task MergeAsync_SharedSessions_KeepsOneOccurrencePerSession()
    {
        var shared = Guid.NewGuid();
        var target = await _world.SeedAsync("target", new OccurrenceSeed { SessionId = shared }, new OccurrenceSeed());
        var source = await _world.SeedAsync("source", new OccurrenceSeed { SessionId = shared }, new OccurrenceSeed(), new OccurrenceSeed());

        var result = await _world.Service.MergeAsync(_world.Owner, _world.Project.Id, target.Id, source.Id);

        var occurrences = await _world.Issues.Store.ReadAsync(r => r.GetAllOccurrencesAsync(target.Id));
        Assert.That(occurrences, Has.Count.EqualTo(4));
        Assert.That(occurrences.Select(o => o.SessionId), Is.Unique);
        Assert.That(result.Value.Issue.OccurrenceCount, Is.EqualTo(4));
        Assert.That(await _world.Issues.Store.ReadAsync(r => r.GetAllOccurrencesAsync(source.Id)), Is.Empty);
    }

    [Test]
    public async Task MergeAsync_RecomputesCountsSeenTimesAndVersions()
    {
        var t0 = TestTimes.ClockStart;
        var target = await _world.SeedAsync("target",
            new OccurrenceSeed { UserId = "u1", AppVersion = "2.0", SdkVersion = "0.2", Timestamp = t0.AddHours(2) },
            new OccurrenceSeed { UserId = "u2", AppVersion = "2.1", SdkVersion = "0.3", Timestamp = t0.AddHours(3) });
        var source = await _world.SeedAsync("source",
            new OccurrenceSeed { UserId = "u1", AppVersion = "1.0", SdkVersion = "0.1", Timestamp = t0 },
            new OccurrenceSeed { UserId = null, AppVersion = "3.0", SdkVersion = "0.4", Timestamp = t0.AddHours(5) });

        var merged = (await _world.Service.MergeAsync(_world.Owner, _world.Project.Id, target.Id, source.Id)).Value.Issue;

        Assert.Multiple(() =>
        {
            Assert.That(merged.OccurrenceCount, Is.EqualTo(4));
            Assert.That(merged.UniqueUserCount, Is.EqualTo(2));
            Assert.That(merged.FirstSeenAt, Is.EqualTo(t0));
            Assert.That(merged.LastSeenAt, Is.EqualTo(t0.AddHours(5)));
            Assert.That(merged.FirstSeenAppVersion, Is.EqualTo("1.0"));
            Assert.That(merged.LastSeenAppVersion, Is.EqualTo("3.0"));
            Assert.That(merged.FirstSeenSdkVersion, Is.EqualTo("0.1"));
            Assert.That(merged.LastSeenSdkVersion, Is.EqualTo("0.4"));
            Assert.That(merged.UpdatedAt, Is.EqualTo(_world.Clock.GetUtcNow()));
        });
    }

    [Test]
    public async Task MergeAsync_TargetKeepsItsStatus()
    {
        var target = await _world.SeedAsync(new IssueSeed(_world.App.Id, "target") { Status = IssueStatus.Silenced });
        var source = await _world.SeedAsync(new IssueSeed(_world.App.Id, "source") { Status = IssueStatus.InProgress });

        var merged = await _world.Service.MergeAsync(_world.Owner, _world.Project.Id, target.Id, source.Id);

        Assert.That(merged.Value.Issue.Status, Is.EqualTo(IssueStatus.Silenced));
    }

    [Test]
    public async Task MergeAsync_MovesCommentsAndAttachmentLinks()
    {
        var target = await _world.SeedAsync("target");
        var source = await _world.SeedAsync("source");
        var comment = (await _world.Service.AddCommentAsync(_world.Member, _world.Project.Id, source.Id, "seen in checkout")).Value;
        var attachment = new IssueAttachment
        {
            Id = Guid.NewGuid(), ProjectId = _world.Project.Id, AppId = _world.App.Id, IssueId = source.Id,
            ClientEventId = Guid.NewGuid(), EventId = Guid.NewGuid(), OriginalFilename = "crash.log", ContentType = "text/plain",
            SizeBytes = 10, Sha256 = new string('0', 64), CreatedAt = TestTimes.ClockStart, UploadedAt = TestTimes.ClockStart,
        };
        await _world.Issues.Store.WriteAsync(async w => { await w.UpsertAttachmentAsync(attachment); return 0; });

        await _world.Service.MergeAsync(_world.Owner, _world.Project.Id, target.Id, source.Id);

        var detail = (await _world.Service.GetAsync(_world.Owner, _world.Project.Id, target.Id, new OccurrencePageRequest())).Value;
        Assert.That(detail.Comments.Select(c => c.Id), Is.EqualTo(new[] { comment.Id }));
        Assert.That(detail.Attachments.Select(a => a.Id), Is.EqualTo(new[] { attachment.Id }));
    }

    [Test]
    public async Task MergeAsync_DevSourceThenItsTargetMergedOn_DevFingerprintRoutesToTheLastSurvivor()
    {
        var dev = await _world.SeedAsync(new IssueSeed(_world.App.Id, "dev") { IsDev = true, Fingerprints = ["ddd"] });
        var middle = await _world.SeedAsync(new IssueSeed(_world.App.Id, "middle") { Fingerprints = ["mmm"] });
        var survivor = await _world.SeedAsync(new IssueSeed(_world.App.Id, "survivor") { Fingerprints = ["sss"] });

        await _world.Service.MergeAsync(_world.Owner, _world.Project.Id, middle.Id, dev.Id);
        await _world.Service.MergeAsync(_world.Owner, _world.Project.Id, survivor.Id, middle.Id);

        var routed = await _world.Issues.Store.ReadAsync(r => r.FindIssueIdByFingerprintAsync(new FingerprintKey("ddd", _world.App.Id, IsDev: true)));
        Assert.That(routed, Is.EqualTo(survivor.Id), "the dev alias was left on the deleted middle issue");
    }

    [Test]
    public async Task MergeAsync_OtherAppsSourceThenItsTargetMergedOn_ItsFingerprintRoutesToTheLastSurvivor()
    {
        var android = _world.Issues.AddApp(_world.Project.Id, "Android App");
        var other = await _world.SeedAsync(new IssueSeed(android.Id, "android") { Fingerprints = ["aaa"] });
        var middle = await _world.SeedAsync(new IssueSeed(_world.App.Id, "middle") { Fingerprints = ["mmm"] });
        var survivor = await _world.SeedAsync(new IssueSeed(_world.App.Id, "survivor") { Fingerprints = ["sss"] });

        await _world.Service.MergeAsync(_world.Owner, _world.Project.Id, middle.Id, other.Id);
        await _world.Service.MergeAsync(_world.Owner, _world.Project.Id, survivor.Id, middle.Id);

        var routed = await _world.Issues.Store.ReadAsync(r => r.FindIssueIdByFingerprintAsync(new FingerprintKey("aaa", android.Id, IsDev: false)));
        Assert.That(routed, Is.EqualTo(survivor.Id), "the other app's alias was left on the deleted middle issue");
    }

    [Test]
    public async Task MergeAsync_DevIssueMergedTwice_LaterDevEventsAreScannedIntoTheSurvivor()
    {
        var session = Guid.NewGuid();
        await _world.Issues.IngestAndScanAsync(_world.App, [
            ScanEvent("Disk full", Guid.NewGuid(), isDev: true), ScanEvent("Timeout", Guid.NewGuid()), ScanEvent("Refused", Guid.NewGuid())]);
        var issues = await _world.Issues.Store.ReadAsync(r => r.ListIssuesAsync(new IssueListFilter([_world.Project.Id]), IssueSort.LastSeen, null, 10));
        var dev = issues.Single(i => i.IsDev);
        var middle = issues.Single(i => i.Title == "Timeout");
        var survivor = issues.Single(i => i.Title == "Refused");
        await _world.Service.MergeAsync(_world.Owner, _world.Project.Id, middle.Id, dev.Id);
        await _world.Service.MergeAsync(_world.Owner, _world.Project.Id, survivor.Id, middle.Id);

        var (_, scan) = await _world.Issues.IngestAndScanAsync(_world.App, [ScanEvent("Disk full", session, isDev: true)]);

        var occurrences = await _world.Issues.Store.ReadAsync(r => r.GetAllOccurrencesAsync(survivor.Id));
        Assert.That(scan.OccurrencesCreated, Is.EqualTo(1));
        Assert.That(occurrences.Select(o => o.SessionId), Does.Contain(session), "the dev event did not land on the survivor");
    }

    [Test]
    public async Task MergeAsync_WritesAuditRecordNamingSource()
    {
        var target = await _world.SeedAsync("target");
        var source = await _world.SeedAsync("source");

        await _world.Service.MergeAsync(_world.Owner, _world.Project.Id, target.Id, source.Id);

        var audit = await _world.Issues.Store.ReadAsync(r => r.ListAuditRecordsAsync(target.Id));
        Assert.That(audit.Single(), Has.Property(nameof(AuditRecord.Action)).EqualTo(AuditActions.Merged)
            .And.Property(nameof(AuditRecord.MergedIssueId)).EqualTo(source.Id));
    }

    [Test]
    public async Task MergeAsync_AuditRecord_NamesTheActorTheTargetsStatusAndTheTime()
    {
        var target = await _world.SeedAsync(new IssueSeed(_world.App.Id, "target") { Status = IssueStatus.Resolved, ResolvedAtVersion = "2.0.0" });
        var source = await _world.SeedAsync("source");
        _world.Clock.Advance(TimeSpan.FromMinutes(5));

        await _world.Service.MergeAsync(_world.Member, _world.Project.Id, target.Id, source.Id);

        var audit = (await _world.Issues.Store.ReadAsync(r => r.ListAuditRecordsAsync(target.Id))).Single();
        Assert.That(audit with { Id = Guid.Empty }, Is.EqualTo(new AuditRecord
        {
            Id = Guid.Empty,
            ProjectId = _world.Project.Id,
            IssueId = target.Id,
            ActorKind = _world.Member.Kind,
            ActorId = _world.Member.Id,
            ActorName = _world.Member.Name,
            Action = AuditActions.Merged,
            FromStatus = IssueStatus.Resolved,
            ToStatus = IssueStatus.Resolved,
            FromResolvedAtVersion = "2.0.0",
            ToResolvedAtVersion = "2.0.0",
            MergedIssueId = source.Id,
            CreatedAt = _world.Clock.GetUtcNow(),
        }));
    }

    [Test]
    public async Task MergeAsync_IssuesWithoutStoredOccurrences_SpanBothIssuesSeenTimes()
    {
        var target = await SeedWithoutOccurrencesAsync(firstSeenMs: -1_000, lastSeenMs: 1_000);
        var source = await SeedWithoutOccurrencesAsync(firstSeenMs: -5_000, lastSeenMs: 500);
        var later = await SeedWithoutOccurrencesAsync(firstSeenMs: 0, lastSeenMs: 9_000);

        var first = (await _world.Service.MergeAsync(_world.Owner, _world.Project.Id, target.Id, source.Id)).Value.Issue;
        var second = (await _world.Service.MergeAsync(_world.Owner, _world.Project.Id, target.Id, later.Id)).Value.Issue;

        Assert.Multiple(() =>
        {
            Assert.That(first.FirstSeenAt, Is.EqualTo(TestTimes.At(-5_000)), "the source was seen first");
            Assert.That(first.LastSeenAt, Is.EqualTo(TestTimes.At(1_000)), "the target was seen last");
            Assert.That(second.FirstSeenAt, Is.EqualTo(TestTimes.At(-5_000)), "the target was seen first");
            Assert.That(second.LastSeenAt, Is.EqualTo(TestTimes.At(9_000)), "the source was seen last");
        });
    }

    [Test]
    public async Task MergeAsync_StoresTheIssueItReturns()
    {
        var target = await _world.SeedAsync("target", new OccurrenceSeed { UserId = "u1" });
        var source = await _world.SeedAsync(new IssueSeed(_world.App.Id, "source") { Fingerprints = ["bbb"], Occurrences = [new OccurrenceSeed()] });

        var merged = (await _world.Service.MergeAsync(_world.Owner, _world.Project.Id, target.Id, source.Id)).Value.Issue;

        var stored = await _world.Issues.Store.ReadAsync(r => r.FindIssueAsync(target.Id));
        Assert.That(stored, Is.Not.Null, "the target must stay");
        Assert.Multiple(() =>
        {
            Assert.That(stored! with { Fingerprints = merged.Fingerprints }, Is.EqualTo(merged), "every field but the fingerprints (a list)");
            Assert.That(stored.Fingerprints, Is.EqualTo(merged.Fingerprints), "the fingerprints");
        });
    }

    [Test]
    public async Task MergeAsync_IntoItself_IsInvalid()
    {
        var issue = await _world.SeedAsync();

        var result = await _world.Service.MergeAsync(_world.Owner, _world.Project.Id, issue.Id, issue.Id);

        Assert.That(result.Error?.Kind, Is.EqualTo(IssueErrorKind.Invalid));
    }

    [Test]
    public async Task MergeAsync_UnknownTarget_IsTargetNotFound()
    {
        var source = await _world.SeedAsync();

        var result = await _world.Service.MergeAsync(_world.Owner, _world.Project.Id, Guid.NewGuid(), source.Id);

        Assert.That(result.Error, Is.EqualTo(IssueError.NotFound("Target issue not found")));
    }

    [Test]
    public async Task MergeAsync_TargetInAnotherProject_IsTargetNotFoundAndChangesNothing()
    {
        var foreign = await _world.Issues.SeedIssueAsync(new IssueSeed(_world.OtherApp.Id, "theirs"));
        var source = await _world.SeedAsync("source");

        var result = await _world.Service.MergeAsync(_world.Owner, _world.Project.Id, foreign.Id, source.Id);

        Assert.That(result.Error, Is.EqualTo(IssueError.NotFound("Target issue not found")));
        var stored = await _world.Issues.Store.ReadAsync(r => r.FindIssueAsync(source.Id));
        Assert.That(stored?.UpdatedAt, Is.EqualTo(source.UpdatedAt), "the source stays as it was");
    }

    [Test]
    public async Task MergeAsync_SourceInAnotherProject_IsSourceNotFoundAndChangesNothing()
    {
        var target = await _world.SeedAsync("target");
        var foreign = await _world.Issues.SeedIssueAsync(new IssueSeed(_world.OtherApp.Id, "theirs"));

        var result = await _world.Service.MergeAsync(_world.Owner, _world.Project.Id, target.Id, foreign.Id);

        Assert.That(result.Error, Is.EqualTo(IssueError.NotFound("Source issue not found in this project")));
        var (stored, occurrences) = await _world.Issues.Store.ReadAsync(async r => (await r.FindIssueAsync(foreign.Id), await r.GetAllOccurrencesAsync(foreign.Id)));
        Assert.That(stored?.UpdatedAt, Is.EqualTo(foreign.UpdatedAt));
        Assert.That(occurrences, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task MergeAsync_RacingWithCommentsAndOtherMerges_LeavesConsistentStore()
    {
        var issues = new List<Issue>();
        for (var i = 0; i < 12; i++)
        {
            // Letters, not numbers: the fingerprint of a seed ignores numbers in its title, as the scan's does.
            issues.Add(await _world.SeedAsync($"issue {(char)('a' + i)}", new OccurrenceSeed { UserId = $"u{i % 3}" }, new OccurrenceSeed()));
        }

        var survivor = issues[0];
        var merges = issues.Skip(1).Select(source => Task.Run(() =>
            _world.Service.MergeAsync(_world.Owner, _world.Project.Id, survivor.Id, source.Id)));
        var comments = issues.SelectMany(issue => Enumerable.Range(0, 5).Select(n => Task.Run(() =>
            _world.Service.AddCommentAsync(_world.Member, _world.Project.Id, issue.Id, $"note {n}"))));

        var mergeResults = await Task.WhenAll(merges);
        var commentResults = await Task.WhenAll(comments);

        Assert.That(mergeResults.Select(r => r.ToString()), Has.All.StartsWith("Success"));
        var (remaining, occurrences, storedComments) = await _world.Issues.Store.ReadAsync(async r => (
            await r.ListIssuesAsync(new IssueListFilter([_world.Project.Id]), IssueSort.LastSeen, null, 100),
            await r.GetAllOccurrencesAsync(survivor.Id),
            await r.ListCommentsAsync(survivor.Id)));
        Assert.That(remaining.Select(i => i.Id), Is.EqualTo(new[] { survivor.Id }), "every source must be gone");
        Assert.That(remaining[0].OccurrenceCount, Is.EqualTo(occurrences.Count).And.EqualTo(24), "counts must match occurrences");
        Assert.That(remaining[0].UniqueUserCount, Is.EqualTo(3));
        Assert.That(remaining[0].Fingerprints, Has.Count.EqualTo(12), "the survivor keys every merged issue's fingerprint");
        var landed = commentResults.Count(r => r.IsSuccess);
        Assert.That(storedComments, Has.Count.EqualTo(landed), "every comment that succeeded must be on the survivor");
        Assert.That(commentResults.Where(r => !r.IsSuccess).Select(r => r.Error!.Message), Has.All.EqualTo("Issue not found"),
            "a comment may only fail because its issue was merged away first");
    }

    private static IncomingEvent ScanEvent(string message, Guid sessionId, bool isDev = false) =>
        new() { Message = message, Level = "error", SessionId = sessionId.ToString(), IsDev = isDev };

    private Task<Issue> SeedWithoutOccurrencesAsync(int firstSeenMs, int lastSeenMs) =>
        _world.Issues.Store.SeedIssueAsync(
            new IssueBuilder().InProject(_world.Project.Id).ForApp(_world.App.Id)
                .WithFirstSeenAt(TestTimes.At(firstSeenMs)).WithLastSeenAt(TestTimes.At(lastSeenMs)).Build(),
            []);
}
