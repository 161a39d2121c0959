using Microsoft.Extensions.Options;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Tests.Support;
using static Owlmetry.Issues.Tests.Support.ScanWorld;

namespace Owlmetry.Issues.Tests.Scanning;

/// <summary>
/// A burst whose events reach the scan in two units (two passes, or two units of one pass) groups as if they had been
/// scanned together (CONTRACT §7.2): the scan runs every few seconds, so an SDK's second error of a burst is often stored
/// after the first one was scanned.
/// </summary>
public sealed class IssueScanBurstAcrossUnitsTests
{
    private ScanWorld _world = null!;

    [SetUp]
    public void SetUp() => _world = new ScanWorld();

    [Test]
    public async Task Scan_SecondErrorOfABurstInTheNextPass_JoinsTheFirstOnesIssue()
    {
        var session = Guid.NewGuid();
        await _world.SendAsync(Error("Payment failed", session, TimeSpan.Zero));

        var (_, scan) = await _world.SendAsync(Error("Checkout aborted", session, TimeSpan.FromSeconds(1)));

        var issue = await _world.SingleIssueAsync();
        Assert.That(scan.IssuesCreated, Is.Zero, "the burst's second error created an issue of its own");
        Assert.That(issue.Title, Is.EqualTo("Payment failed"));
        Assert.That(issue.Fingerprints, Has.Count.EqualTo(2), "the first error's issue did not receive the second error's fingerprint");
        Assert.That(issue.OccurrenceCount, Is.EqualTo(1), "one session is one occurrence");
    }

    [Test]
    public async Task Scan_BurstSpreadOverUnitsOfOnePass_FormsOneIssue()
    {
        _world = new ScanWorld(new IssuesOptions { ScanBatchSize = 1 });
        var session = Guid.NewGuid();
        await _world.IngestAsync(
            Error("Socket closed", session, TimeSpan.Zero),
            Error("Upload failed", session, TimeSpan.FromSeconds(2)),
            Error("Retry exhausted", session, TimeSpan.FromSeconds(4)));

        await _world.Issues.Scanner.ScanAsync();

        var issue = await _world.SingleIssueAsync();
        Assert.That(issue.Fingerprints, Has.Count.EqualTo(3), "units of one event each split the burst");
    }

    [Test]
    public async Task Scan_BurstSpreadOverUnitsReadAhead_FormsOneIssue()
    {
        var session = Guid.NewGuid();
        await _world.IngestAsync(
            Error("Socket closed", session, TimeSpan.Zero),
            Error("Upload failed", session, TimeSpan.FromSeconds(2)),
            Error("Retry exhausted", session, TimeSpan.FromSeconds(4)));
        var readingAhead = new InterceptingIssueStore(_world.Issues.Store) { ReadsBesideWrites = true };
        var scanner = new IssueScanner(readingAhead, new DefaultFingerprintStrategy(), _world.Clock, Options.Create(new IssuesOptions { ScanBatchSize = 1 }));

        await scanner.ScanAsync();

        Assert.That((await _world.SingleIssueAsync()).Fingerprints, Has.Count.EqualTo(3), "a unit read while the one before it was written split the burst");
    }

    [Test]
    public async Task Scan_EventPastTheWindowOfTheEarlierUnitsBurst_StartsANewOne()
    {
        var session = Guid.NewGuid();
        await _world.SendAsync(Error("A failed", session, TimeSpan.Zero));
        await _world.SendAsync(Error("B failed", session, TimeSpan.FromSeconds(4)));

        await _world.SendAsync(Error("C failed", session, TimeSpan.FromMilliseconds(5_001)));

        var issues = await _world.AllIssuesAsync();
        Assert.That(issues.Select(i => i.Fingerprints.Count), Is.EquivalentTo(new[] { 2, 1 }), "the window is measured from the burst's first event, in whichever unit");
    }

    [Test]
    public async Task Scan_EventAtTheEndOfTheEarlierUnitsBurstWindow_JoinsIt()
    {
        var session = Guid.NewGuid();
        await _world.SendAsync(Error("A failed", session, TimeSpan.Zero));

        await _world.SendAsync(Error("B failed", session, ScanPlanner.BurstWindow));

        Assert.That((await _world.SingleIssueAsync()).Fingerprints, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Scan_EventsPastTheWindow_JoinWithTheFirstOfThemNotTheEarlierBurst()
    {
        var session = Guid.NewGuid();
        await _world.SendAsync(Error("A failed", session, TimeSpan.Zero));

        await _world.SendAsync(Error("B failed", session, TimeSpan.FromSeconds(6)), Error("C failed", session, TimeSpan.FromSeconds(8)));

        var issues = await _world.AllIssuesAsync();
        Assert.That(issues.Select(i => i.Title), Is.EquivalentTo(new[] { "A failed", "B failed" }));
        Assert.That(issues.Single(i => i.Title == "B failed").Fingerprints, Has.Count.EqualTo(2), "B and C form a burst of their own");
    }

    [Test]
    public async Task Scan_UnitContinuingABurstThenStartingAnother_OnlyItsFirstBurstJoins()
    {
        var session = Guid.NewGuid();
        await _world.SendAsync(Error("A failed", session, TimeSpan.Zero));

        await _world.SendAsync(Error("B failed", session, TimeSpan.FromSeconds(1)), Error("C failed", session, TimeSpan.FromSeconds(7)));

        var issues = await _world.AllIssuesAsync();
        Assert.That(issues.Select(i => (i.Title, i.Fingerprints.Count)), Is.EquivalentTo(new[] { ("A failed", 2), ("C failed", 1) }), "the unit's second burst joined the earlier one");
    }

    [Test]
    public async Task Scan_LateEventBeforeTheEarlierUnitsBurst_StartsABurstOfItsOwn()
    {
        var session = Guid.NewGuid();
        await _world.SendAsync(Error("A failed", session, TimeSpan.FromSeconds(10)));

        await _world.SendAsync(Error("B failed", session, TimeSpan.FromSeconds(9)));

        Assert.That(await _world.AllIssuesAsync(), Has.Count.EqualTo(2), "an event stamped before the burst's start joined it");
    }

    [Test]
    public async Task Scan_RecentLateEventsUnitInBetween_LeavesTheSessionsOpenBurstInPlace()
    {
        var session = Guid.NewGuid();
        await _world.SendAsync(Error("A failed", session, TimeSpan.FromSeconds(10)));
        await _world.SendAsync(Error("Late failure", session, TimeSpan.Zero));

        await _world.SendAsync(Error("B failed", session, TimeSpan.FromSeconds(11)));

        var issues = await _world.AllIssuesAsync();
        Assert.That(issues.Select(i => (i.Title, i.Fingerprints.Count)), Is.EquivalentTo(new[] { ("Late failure", 1), ("A failed", 2) }),
            "a unit of late events, still open itself, replaced the session's newer open burst");
    }

    [Test]
    public async Task Scan_LateEventThenOneInTheEarlierUnitsBurst_TheSecondJoinsIt()
    {
        var session = Guid.NewGuid();
        await _world.SendAsync(Error("A failed", session, TimeSpan.FromSeconds(10)));

        await _world.SendAsync(Error("Late failure", session, TimeSpan.Zero), Error("B failed", session, TimeSpan.FromSeconds(11)));

        var issues = await _world.AllIssuesAsync();
        Assert.That(issues.Select(i => (i.Title, i.Fingerprints.Count)), Is.EquivalentTo(new[] { ("Late failure", 1), ("A failed", 2) }), "a late event in the unit kept B from its burst");
    }

    [Test]
    public async Task Scan_DevErrorAfterAProdBurst_NeverJoinsTheProdIssue()
    {
        var session = Guid.NewGuid();
        await _world.SendAsync(Error("Crash", session, TimeSpan.Zero));

        await _world.SendAsync(Error("Another crash", session, TimeSpan.FromSeconds(1)) with { IsDev = true });

        var issues = await _world.AllIssuesAsync();
        Assert.That(issues.Select(i => (i.IsDev, i.Fingerprints.Count)), Is.EquivalentTo(new[] { (false, 1), (true, 1) }));
    }

    [Test]
    public async Task Scan_DevHalfOfABurstInTheNextPass_JoinsTheDevIssue()
    {
        var session = Guid.NewGuid();
        await _world.SendAsync(Error("Crash", session, TimeSpan.Zero), Error("Dev crash", session, TimeSpan.Zero) with { IsDev = true });

        await _world.SendAsync(Error("Another dev crash", session, TimeSpan.FromSeconds(1)) with { IsDev = true });

        var issues = await _world.AllIssuesAsync();
        Assert.That(issues.Select(i => (i.IsDev, i.Fingerprints.Count)), Is.EquivalentTo(new[] { (false, 1), (true, 2) }));
    }

    [Test]
    public async Task Scan_BurstWhoseWindowClosedALifetimeAgo_IsClosed()
    {
        var session = Guid.NewGuid();
        await _world.SendAsync(Error("A failed", session, TimeSpan.Zero));
        _world.Clock.Advance(ScanPlanner.BurstWindow + OpenBursts.Lifetime + TimeSpan.FromMilliseconds(1));

        await _world.SendAsync(Error("B failed", session, TimeSpan.FromSeconds(1)));

        Assert.That(await _world.AllIssuesAsync(), Has.Count.EqualTo(2), "a burst stayed open longer than its lifetime");
    }

    [Test]
    public async Task Scan_BurstWhoseWindowClosedExactlyALifetimeAgo_IsStillOpen()
    {
        var session = Guid.NewGuid();
        await _world.SendAsync(Error("A failed", session, TimeSpan.Zero));
        _world.Clock.Advance(ScanPlanner.BurstWindow + OpenBursts.Lifetime);

        await _world.SendAsync(Error("B failed", session, TimeSpan.FromSeconds(1)));

        Assert.That((await _world.SingleIssueAsync()).Fingerprints, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Scan_LateEventsBurstInBetween_LeavesTheSessionsOpenBurstInPlace()
    {
        var session = Guid.NewGuid();
        _world.Clock.Advance(TimeSpan.FromHours(1));
        await _world.SendAsync(Error("A failed", session, TimeSpan.FromHours(1)));
        await _world.SendAsync(Error("Old failure", session, TimeSpan.Zero));

        await _world.SendAsync(Error("B failed", session, TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1)));

        var issues = await _world.AllIssuesAsync();
        Assert.That(issues.Select(i => (i.Title, i.Fingerprints.Count)), Is.EquivalentTo(new[] { ("Old failure", 1), ("A failed", 2) }), "an hour-old event closed the burst after it");
    }

    [Test]
    public async Task Scan_SessionsNewerBurstAlreadyClosed_ReplacesItsOpenOne()
    {
        var session = Guid.NewGuid();
        await _world.SendAsync(Error("A failed", session, TimeSpan.Zero));
        _world.Clock.Advance(TimeSpan.FromHours(1));

        // A's burst closed meanwhile; the next one, ten minutes later by the events' clock, is closed at once too.
        await _world.SendAsync(Error("B failed", session, TimeSpan.FromMinutes(10)));
        await _world.SendAsync(Error("C failed", session, TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1)));

        Assert.That(await _world.AllIssuesAsync(), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Scan_AnotherScannerScannedInBetween_EarlierBurstIsNotContinued()
    {
        var session = Guid.NewGuid();
        await _world.SendAsync(Error("A failed", session, TimeSpan.Zero));
        var elsewhere = new IssueScanner(_world.Issues.Store, new DefaultFingerprintStrategy(), _world.Clock, Options.Create(new IssuesOptions()));
        await _world.IngestAsync(Error("Other session", Guid.NewGuid(), TimeSpan.Zero));
        await elsewhere.ScanAsync();

        // This scanner's open bursts end before events it has not seen: it cannot tell whether they belonged to them.
        await _world.SendAsync(Error("B failed", session, TimeSpan.FromSeconds(1)));

        Assert.That(await _world.AllIssuesAsync(), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Scan_EarlierBurstsIssueMergedMeanwhile_NewErrorJoinsTheSurvivor()
    {
        var session = Guid.NewGuid();
        await _world.SendAsync(Error("Survivor", Guid.NewGuid(), TimeSpan.Zero));
        await _world.SendAsync(Error("A failed", session, TimeSpan.Zero));
        var issues = await _world.AllIssuesAsync();
        var survivor = issues.Single(i => i.Title == "Survivor");
        await _world.Issues.Service.MergeAsync(_world.Owner, _world.Project.Id, survivor.Id, issues.Single(i => i.Title == "A failed").Id);

        await _world.SendAsync(Error("B failed", session, TimeSpan.FromSeconds(1)));

        var merged = await _world.SingleIssueAsync();
        Assert.That(merged.Id, Is.EqualTo(survivor.Id));
        Assert.That(merged.Fingerprints, Has.Count.EqualTo(3), "the new error's fingerprint did not follow the burst's earlier error to its survivor");
    }

    [Test]
    public async Task Scan_ContinuedBurstMeetingAnOlderKnownIssue_TheOldestReceivesTheNewFingerprint()
    {
        await _world.SendAsync(Error("Known first", Guid.NewGuid(), TimeSpan.Zero));
        _world.Clock.Advance(TimeSpan.FromSeconds(30));
        var session = Guid.NewGuid();
        await _world.SendAsync(Error("A failed", session, TimeSpan.Zero));

        await _world.SendAsync(Error("Known first", session, TimeSpan.FromSeconds(1)), Error("B failed", session, TimeSpan.FromSeconds(2)));

        var issues = await _world.AllIssuesAsync();
        Assert.That(issues, Has.Count.EqualTo(2), "the scan merged existing issues");
        Assert.That(issues.Single(i => i.Title == "Known first").Fingerprints, Has.Count.EqualTo(2), "the oldest issue of the burst did not receive B");
        Assert.That(issues.Single(i => i.Title == "A failed").Fingerprints, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Scan_BurstOverThreeUnits_TheThirdUnitsNewErrorMeetsTheFirstUnitsIssueToo()
    {
        await _world.SendAsync(Error("Known first", Guid.NewGuid(), TimeSpan.Zero));
        _world.Clock.Advance(TimeSpan.FromSeconds(30));
        await _world.SendAsync(Error("Known second", Guid.NewGuid(), TimeSpan.Zero));
        var session = Guid.NewGuid();
        await _world.SendAsync(Error("Known first", session, TimeSpan.Zero));
        await _world.SendAsync(Error("Known second", session, TimeSpan.FromSeconds(1)));

        await _world.SendAsync(Error("C failed", session, TimeSpan.FromSeconds(2)));

        var issues = await _world.AllIssuesAsync();
        Assert.That(issues.Select(i => (i.Title, i.Fingerprints.Count)), Is.EquivalentTo(new[] { ("Known first", 2), ("Known second", 1) }),
            "the burst's fingerprint of the first unit was not carried through the second to the third");
    }

    [TestCase(false, TestName = "{m}_ProdThenDevThenProd")]
    [TestCase(true, TestName = "{m}_DevThenProdThenDev")]
    public async Task Scan_BurstContinuedByItsOtherHalf_KeepsTheFirstHalfsFingerprintsForTheUnitAfter(bool devFirst)
    {
        var session = Guid.NewGuid();
        await _world.SendAsync(Error("A failed", session, TimeSpan.Zero) with { IsDev = devFirst });
        await _world.SendAsync(Error("Other half", session, TimeSpan.FromSeconds(1)) with { IsDev = !devFirst });

        await _world.SendAsync(Error("B failed", session, TimeSpan.FromSeconds(2)) with { IsDev = devFirst });

        var issues = await _world.AllIssuesAsync();
        Assert.That(issues.Select(i => (i.Title, i.Fingerprints.Count)), Is.EquivalentTo(new[] { ("A failed", 2), ("Other half", 1) }),
            "the half of the burst the second unit did not touch was dropped from the open burst");
    }
}
