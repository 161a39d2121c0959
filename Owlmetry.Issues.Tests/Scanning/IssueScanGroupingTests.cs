using Owlmetry.Issues.Tests.Support;
using static Owlmetry.Issues.Tests.Support.ScanWorld;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.Tests.Scanning;

public sealed class IssueScanGroupingTests
{
    private ScanWorld _world = null!;

    [SetUp]
    public void SetUp() => _world = new ScanWorld();

    [Test]
    public async Task Scan_NewErrorEvent_CreatesNewIssueWithOneOccurrence()
    {
        var session = Guid.NewGuid();

        var (_, scan) = await _world.SendAsync(Error("Connection refused", session) with { SourceModule = "NetworkService", UserId = "u1" });

        var issue = await _world.SingleIssueAsync();
        Assert.Multiple(() =>
        {
            Assert.That(scan, Is.EqualTo(new IssueScanResult(1, 1, 0, 0, 1)));
            Assert.That(issue.Status, Is.EqualTo(IssueStatus.New));
            Assert.That(issue.Title, Is.EqualTo("Connection refused"));
            Assert.That(issue.SourceModule, Is.EqualTo("NetworkService"));
            Assert.That(issue.OccurrenceCount, Is.EqualTo(1));
            Assert.That(issue.UniqueUserCount, Is.EqualTo(1));
            Assert.That(issue.Fingerprints, Has.Count.EqualTo(1));
        });
    }

    [TestCase("info")]
    [TestCase("debug")]
    [TestCase("warn")]
    public async Task Scan_NonErrorLevel_CreatesNothing(string level)
    {
        var (ingest, scan) = await _world.SendAsync(Error("just saying", Guid.NewGuid()) with { Level = level });

        Assert.That(ingest.Accepted, Is.EqualTo(1));
        Assert.That(scan.EventsProcessed, Is.Zero);
        Assert.That(await _world.AllIssuesAsync(), Is.Empty);
    }

    [Test]
    public async Task Scan_SameErrorInTwoSessions_OneIssueTwoOccurrences()
    {
        await _world.SendAsync(Error("Timeout", Guid.NewGuid()), Error("Timeout", Guid.NewGuid()));

        var issue = await _world.SingleIssueAsync();
        Assert.That(issue.OccurrenceCount, Is.EqualTo(2));
    }

    [Test]
    public async Task Scan_SameErrorTwiceInOneSession_OneOccurrence()
    {
        var session = Guid.NewGuid();

        await _world.SendAsync(Error("Timeout", session, TimeSpan.Zero), Error("Timeout", session, TimeSpan.FromMinutes(10)));
        await _world.SendAsync(Error("Timeout", session, TimeSpan.FromMinutes(20)));

        var issue = await _world.SingleIssueAsync();
        Assert.That(issue.OccurrenceCount, Is.EqualTo(1));
        Assert.That((await _world.OccurrencesAsync(issue.Id)).Single().SessionId, Is.EqualTo(session));
    }

    [Test]
    public async Task Scan_MessagesDifferingOnlyInNumbersAndIds_GroupIntoOneIssue()
    {
        await _world.SendAsync(
            Error("Order 1234 failed for 6F9619FF-8B86-D011-B42D-00CF4FC964FF after 3.5 s", Guid.NewGuid()),
            Error("Order 99 failed for 6f9619ff-8b86-d011-b42d-00cf4fc964aa after 12 s", Guid.NewGuid()));

        Assert.That(await _world.AllIssuesAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Scan_UniqueUsers_CountsDistinctNonNullUsers()
    {
        await _world.SendAsync(
            Error("Crash", Guid.NewGuid()) with { UserId = "u1" },
            Error("Crash", Guid.NewGuid()) with { UserId = "u1" },
            Error("Crash", Guid.NewGuid()) with { UserId = "u2" },
            Error("Crash", Guid.NewGuid()));
        await _world.SendAsync(Error("Crash", Guid.NewGuid()) with { UserId = "u2" }, Error("Crash", Guid.NewGuid()) with { UserId = "u3" });

        var issue = await _world.SingleIssueAsync();
        Assert.That(issue.OccurrenceCount, Is.EqualTo(6));
        Assert.That(issue.UniqueUserCount, Is.EqualTo(3));
    }

    [Test]
    public async Task Scan_DevAndProdOfSameError_NeverShareAnIssue()
    {
        var session = Guid.NewGuid();

        await _world.SendAsync(Error("Crash", session), Error("Crash", session) with { IsDev = true });

        var issues = await _world.AllIssuesAsync();
        Assert.That(issues.Select(i => i.IsDev), Is.EquivalentTo(new[] { false, true }));
        Assert.That(issues[0].Fingerprints, Is.EqualTo(issues[1].Fingerprints), "same hash, scoped apart by is_dev");
    }

    [Test]
    public async Task Scan_TwoErrorsInOneBurst_FormOneIssueWithBothFingerprints()
    {
        var session = Guid.NewGuid();

        await _world.SendAsync(Error("Socket closed", session, TimeSpan.Zero), Error("Upload failed", session, TimeSpan.FromMilliseconds(4_999)));

        var issue = await _world.SingleIssueAsync();
        Assert.That(issue.Fingerprints, Has.Count.EqualTo(2));
        Assert.That(issue.Title, Is.EqualTo("Socket closed"));
    }

    [Test]
    public async Task Scan_BurstWindowIsMeasuredFromTheFirstEvent()
    {
        var session = Guid.NewGuid();

        await _world.SendAsync(
            Error("A failed", session, TimeSpan.Zero),
            Error("B failed", session, TimeSpan.FromSeconds(4)),
            Error("C failed", session, TimeSpan.FromMilliseconds(5_001)));

        var issues = await _world.AllIssuesAsync();
        Assert.That(issues.Select(i => i.Fingerprints.Count), Is.EquivalentTo(new[] { 2, 1 }));
    }

    [Test]
    public async Task Scan_EventExactlyAtTheEndOfTheBurstWindow_JoinsTheBurst()
    {
        var session = Guid.NewGuid();

        await _world.SendAsync(Error("A failed", session, TimeSpan.Zero), Error("B failed", session, ScanPlanner.BurstWindow));

        var issue = await _world.SingleIssueAsync();
        Assert.That(issue.Fingerprints, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Scan_ErrorsInDifferentSessions_DoNotShareABurst()
    {
        await _world.SendAsync(Error("A failed", Guid.NewGuid(), TimeSpan.Zero), Error("B failed", Guid.NewGuid(), TimeSpan.Zero));

        Assert.That(await _world.AllIssuesAsync(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Scan_BurstWithKnownAndUnknownFingerprint_AliasesUnknownToKnownIssue()
    {
        await _world.SendAsync(Error("Socket closed", Guid.NewGuid()));
        var known = await _world.SingleIssueAsync();
        var session = Guid.NewGuid();

        await _world.SendAsync(Error("Socket closed", session, TimeSpan.Zero), Error("Retry exhausted", session, TimeSpan.FromSeconds(1)));

        var issue = await _world.SingleIssueAsync();
        Assert.That(issue.Id, Is.EqualTo(known.Id));
        Assert.That(issue.Fingerprints, Has.Count.EqualTo(2));
        Assert.That(issue.OccurrenceCount, Is.EqualTo(2));
    }

    [Test]
    public async Task Scan_BurstWithKnownAndTwoUnknownFingerprints_KnownIssueGainsBoth()
    {
        await _world.SendAsync(Error("Socket closed", Guid.NewGuid()));
        var known = await _world.SingleIssueAsync();
        var session = Guid.NewGuid();

        await _world.SendAsync(
            Error("Socket closed", session, TimeSpan.Zero),
            Error("Retry exhausted", session, TimeSpan.FromSeconds(1)),
            Error("Upload failed", session, TimeSpan.FromSeconds(2)));

        var issue = await _world.SingleIssueAsync();
        Assert.That(issue.Fingerprints, Has.Count.EqualTo(3).And.Unique, "the known issue keeps its fingerprint and gains both new ones");
        Assert.That(issue.Fingerprints[0], Is.EqualTo(known.Fingerprints[0]));
    }

    [Test]
    public async Task Scan_BurstSpanningTwoKnownIssues_OldestReceivesUnknownAndNothingIsMerged()
    {
        await _world.SendAsync(Error("First problem", Guid.NewGuid()));
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        await _world.SendAsync(Error("Second problem", Guid.NewGuid()));
        var session = Guid.NewGuid();

        await _world.SendAsync(
            Error("Second problem", session, TimeSpan.Zero),
            Error("First problem", session, TimeSpan.FromSeconds(1)),
            Error("Third problem", session, TimeSpan.FromSeconds(2)));

        var issues = await _world.AllIssuesAsync();
        var oldest = issues.OrderBy(i => i.CreatedAt).First();
        Assert.That(issues, Has.Count.EqualTo(2), "existing issues are never merged by the scan");
        Assert.That(oldest.Title, Is.EqualTo("First problem"));
        Assert.That(oldest.Fingerprints, Has.Count.EqualTo(2), "the oldest known issue receives the unknown fingerprint");
        Assert.That(issues.Single(i => i.Id != oldest.Id).Fingerprints, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Scan_BurstSpanningTwoKnownIssuesCreatedTogether_TheLowerIdReceivesUnknown()
    {
        await _world.SendAsync(Error("First problem", Guid.NewGuid()), Error("Second problem", Guid.NewGuid()));
        var created = await _world.AllIssuesAsync();
        Assert.That(created.Select(i => i.CreatedAt).Distinct().Count(), Is.EqualTo(1), "both issues come from one scan unit");
        var receiver = created.MinBy(i => i.Id)!;
        var session = Guid.NewGuid();

        await _world.SendAsync(
            Error("First problem", session, TimeSpan.Zero),
            Error("Second problem", session, TimeSpan.FromSeconds(1)),
            Error("Third problem", session, TimeSpan.FromSeconds(2)));

        var issues = await _world.AllIssuesAsync();
        Assert.That(issues, Has.Count.EqualTo(2));
        Assert.That(issues.Single(i => i.Id == receiver.Id).Fingerprints, Has.Count.EqualTo(2), "equally old issues: the lower id receives the unknown fingerprint");
        Assert.That(issues.Single(i => i.Id != receiver.Id).Fingerprints, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Scan_BurstOfBreadcrumbsOnly_IsTitledByItsFirstEvent()
    {
        var session = Guid.NewGuid();

        await _world.SendAsync(Error("step:checkout", session, TimeSpan.Zero) with { SourceModule = "Cart" }, Error("metric:cold_start", session, TimeSpan.FromSeconds(1)));

        var issue = await _world.SingleIssueAsync();
        Assert.That(issue.Title, Is.EqualTo("step:checkout"));
        Assert.That(issue.SourceModule, Is.EqualTo("Cart"));
    }

    [Test]
    public async Task Scan_BurstEventsAtTheSameInstant_AreTakenInTheOrderTheyArrived()
    {
        var session = Guid.NewGuid();

        await _world.SendAsync(
            Error("Timeout after 30 s", session, TimeSpan.FromSeconds(1)) with { SourceModule = "Sync" },
            Error("Timeout after 60 s", session, TimeSpan.FromSeconds(1)) with { SourceModule = "Upload" });

        var issue = await _world.SingleIssueAsync();
        Assert.That(issue.Title, Is.EqualTo("Timeout after 30 s"), "the first event received titles the issue");
        Assert.That(issue.SourceModule, Is.EqualTo("Sync"));
    }

    [TestCase("metric:cold_start")]
    [TestCase("step:checkout")]
    [TestCase("track:tap")]
    public async Task Scan_BurstStartingWithBreadcrumb_IsTitledByFirstRealError(string breadcrumb)
    {
        var session = Guid.NewGuid();

        await _world.SendAsync(Error(breadcrumb, session, TimeSpan.Zero), Error("Payment declined", session, TimeSpan.FromSeconds(1)) with { SourceModule = "Billing" });

        var issue = await _world.SingleIssueAsync();
        Assert.That(issue.Title, Is.EqualTo("Payment declined"));
        Assert.That(issue.SourceModule, Is.EqualTo("Billing"));
    }

    [Test]
    public async Task Scan_NetworkRequestErrors_GroupByMethodHostAndTemplatedPath()
    {
        static IncomingEvent Network(string method, string url) => Error("sdk:network_request", Guid.NewGuid()) with
        {
            CustomAttributes = new Dictionary<string, string> { ["_http_method"] = method, ["_http_url"] = url },
        };

        await _world.SendAsync(
            Network("GET", "https://api.example.com/users/123/orders?page=2"),
            Network("get", "https://api.example.com/users/456/orders"),
            Network("POST", "https://api.example.com/users/123/orders"));

        var titles = (await _world.AllIssuesAsync()).Select(i => i.Title);
        Assert.That(titles, Is.EquivalentTo(new[]
        {
            "Network error: GET api.example.com/users/<n>/orders",
            "Network error: POST api.example.com/users/<n>/orders",
        }));
    }

    [Test]
    public async Task Scan_ErrorTypeAttribute_SplitsOtherwiseEqualMessages()
    {
        static IncomingEvent Typed(string type) => Error("Operation failed", Guid.NewGuid()) with
        {
            CustomAttributes = new Dictionary<string, string> { ["_error_type"] = type },
        };

        await _world.SendAsync(Typed("IOException"), Typed("IOException"), Typed("TimeoutException"));

        Assert.That((await _world.AllIssuesAsync()).Select(i => i.OccurrenceCount), Is.EquivalentTo(new[] { 2, 1 }));
    }

    [Test]
    public async Task Scan_FingerprintMergedAway_RoutesNewEventsToTheSurvivor()
    {
        await _world.SendAsync(Error("Alpha failed", Guid.NewGuid()), Error("Beta failed", Guid.NewGuid()));
        var issues = await _world.AllIssuesAsync();
        var survivor = issues.Single(i => i.Title == "Alpha failed");
        var merged = issues.Single(i => i.Title == "Beta failed");
        await _world.Issues.Service.MergeAsync(_world.Owner, _world.Project.Id, survivor.Id, merged.Id);

        await _world.SendAsync(Error("Beta failed", Guid.NewGuid()));

        var after = await _world.SingleIssueAsync();
        Assert.That(after.Id, Is.EqualTo(survivor.Id));
        Assert.That(after.OccurrenceCount, Is.EqualTo(3));
    }

    [Test]
    public async Task Scan_LateEvent_LowersFirstSeenAndItsVersions()
    {
        _world.Clock.Advance(TimeSpan.FromHours(3));
        await _world.SendAsync(Error("Crash", Guid.NewGuid(), TimeSpan.FromHours(2)) with { AppVersion = "2.0", SdkVersion = "0.2" });

        await _world.SendAsync(Error("Crash", Guid.NewGuid(), TimeSpan.FromHours(1)) with { AppVersion = "1.9", SdkVersion = "0.1" });

        var issue = await _world.SingleIssueAsync();
        Assert.Multiple(() =>
        {
            Assert.That(issue.FirstSeenAt, Is.EqualTo(TestTimes.ClockStart.AddHours(1)));
            Assert.That(issue.LastSeenAt, Is.EqualTo(TestTimes.ClockStart.AddHours(2)));
            Assert.That(issue.FirstSeenAppVersion, Is.EqualTo("1.9"));
            Assert.That(issue.LastSeenAppVersion, Is.EqualTo("2.0"));
            Assert.That(issue.FirstSeenSdkVersion, Is.EqualTo("0.1"));
            Assert.That(issue.LastSeenSdkVersion, Is.EqualTo("0.2"));
        });
    }

    [Test]
    public async Task Scan_NewOccurrence_BumpsUpdatedAtAndLastSeen()
    {
        await _world.SendAsync(Error("Crash", Guid.NewGuid(), TimeSpan.Zero));
        _world.Clock.Advance(TimeSpan.FromHours(1));

        await _world.SendAsync(Error("Crash", Guid.NewGuid(), TimeSpan.FromMinutes(50)));

        var issue = await _world.SingleIssueAsync();
        Assert.That(issue.UpdatedAt, Is.EqualTo(_world.Clock.GetUtcNow()));
        Assert.That(issue.LastSeenAt, Is.EqualTo(TestTimes.ClockStart.AddMinutes(50)));
    }
}
