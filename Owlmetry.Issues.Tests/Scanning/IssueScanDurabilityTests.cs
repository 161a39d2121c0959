using Microsoft.Extensions.Options;
using Owlmetry.Issues.Tests.Support;
using static Owlmetry.Issues.Tests.Support.ScanWorld;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Tests.Scanning;

public sealed class IssueScanDurabilityTests
{
    private ScanWorld _world = null!;

    [SetUp]
    public void SetUp() => _world = new ScanWorld();

    [Test]
    public async Task ScanAsync_RunTwice_SecondScansNothing()
    {
        await _world.SendAsync(Error("Crash", Guid.NewGuid()));

        var second = await _world.Issues.Scanner.ScanAsync();

        Assert.That(second, Is.EqualTo(IssueScanResult.Empty));
        Assert.That((await _world.SingleIssueAsync()).OccurrenceCount, Is.EqualTo(1));
    }

    [Test]
    public async Task ScanAsync_CrashBeforeCommit_LosesNothingAndDuplicatesNothingOnRetry([Values] bool readsBesideWrites)
    {
        await IngestAsync(20);
        var store = new InterceptingIssueStore(_world.Issues.Store) { FailNextWriteAfterWork = true, ReadsBesideWrites = readsBesideWrites };
        var scanner = Scanner(store, batchSize: 7);

        Assert.That(() => scanner.ScanAsync(), Throws.TypeOf<IOException>());
        var retried = await scanner.ScanAsync();

        Assert.That(retried.EventsProcessed, Is.EqualTo(20));
        var issue = await _world.SingleIssueAsync();
        Assert.That(issue.OccurrenceCount, Is.EqualTo(20));
        Assert.That(await _world.OccurrencesAsync(issue.Id), Has.Count.EqualTo(20));
    }

    [Test]
    public async Task ScanAsync_CheckpointMovedByAnotherScanner_RefusesTheBatchAndWritesNothing()
    {
        await IngestAsync(3);
        var store = new InterceptingIssueStore(_world.Issues.Store)
        {
            BeforeNextWrite = () => _world.Issues.Store.WriteAsync(w => w.SetScanCheckpointAsync(1)),
        };

        Assert.That(() => Scanner(store, batchSize: 10).ScanAsync(),
            Throws.InvalidOperationException.With.Message.EqualTo("The scan checkpoint moved under a running scan; another process is scanning this store."));
        Assert.That(await _world.AllIssuesAsync(), Is.Empty);
    }

    [Test]
    public async Task ScanAsync_FingerprintAliasOfADeletedIssue_FailsNamingTheIssue()
    {
        await _world.SendAsync(Error("Crash", Guid.NewGuid()));
        var deleted = await _world.SingleIssueAsync();
        await _world.Issues.Store.WriteAsync(w => w.DeleteIssueAsync(deleted.Id));
        await IngestAsync(1);

        Assert.That(() => _world.Issues.Scanner.ScanAsync(),
            Throws.InvalidOperationException.With.Message.EqualTo($"Fingerprint points to issue {deleted.Id}, which does not exist."));
    }

    [Test]
    public async Task ScanAsync_SmallBatches_StreamsEveryEventOnce([Values] bool readsBesideWrites)
    {
        await IngestAsync(25);

        var result = await Scanner(new InterceptingIssueStore(_world.Issues.Store) { ReadsBesideWrites = readsBesideWrites }, batchSize: 4).ScanAsync();

        Assert.That(result.EventsProcessed, Is.EqualTo(25));
        Assert.That((await _world.SingleIssueAsync()).OccurrenceCount, Is.EqualTo(25));
    }

    [Test]
    public async Task ScanAsync_ManyConcurrentCalls_EachEventScannedExactlyOnce([Values] bool readsBesideWrites)
    {
        var scanner = Scanner(new InterceptingIssueStore(_world.Issues.Store) { ReadsBesideWrites = readsBesideWrites }, batchSize: 3);
        var ingests = Enumerable.Range(0, 10).Select(_ => Task.Run(() => IngestAsync(5)));
        var scans = Enumerable.Range(0, 10).Select(_ => Task.Run(() => scanner.ScanAsync()));

        await Task.WhenAll(ingests);
        var results = await Task.WhenAll(scans);
        var last = await scanner.ScanAsync();

        Assert.That(results.Sum(r => r.EventsProcessed) + last.EventsProcessed, Is.EqualTo(50));
        Assert.That((await _world.SingleIssueAsync()).OccurrenceCount, Is.EqualTo(50));
    }

    [Test]
    public async Task ScanAsync_ScannedEventsPastRetention_AreDeletedButPendingOnesKept()
    {
        await IngestAsync(3);
        await _world.Issues.Scanner.ScanAsync();
        _world.Clock.Advance(TimeSpan.FromDays(31));
        await IngestAsync(2);
        var pending = await _world.Issues.Store.ReadAsync(r => r.ListEventsAfterAsync(0, 100));
        Assert.That(pending, Has.Count.EqualTo(5));

        await Scanner(_world.Issues.Store, batchSize: 1).ScanAsync();

        var kept = await _world.Issues.Store.ReadAsync(r => r.ListEventsAfterAsync(0, 100));
        Assert.That(kept, Has.Count.EqualTo(2), "the three old scanned events are gone, the two new ones stay");
    }

    [Test]
    public async Task ScanStoredEventsAsync_LeaseHeldByAnotherProcess_ReturnsOnceItHasScannedTheStoredEvents()
    {
        await IngestAsync(3);
        var store = new InterceptingIssueStore(_world.Issues.Store) { LeaseHeldElsewhere = true };

        var pass = Scanner(store, batchSize: 2).ScanStoredEventsAsync();
        await Task.Delay(4 * IssueScanner.LeasePoll);
        var returnedWhileHeld = pass.IsCompleted;
        store.LeaseHeldElsewhere = false;
        var result = await pass.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(returnedWhileHeld, Is.False, "the pass returned while another process held the lease and the stored events were unscanned");
        Assert.That(result.EventsProcessed, Is.EqualTo(3), "the pass once the lease was free");
    }

    private Task IngestAsync(int count) => _world.IngestAsync([.. Enumerable.Range(0, count).Select(_ => Error("Crash", Guid.NewGuid()))]);

    private IssueScanner Scanner(IIssueStore store, int batchSize) =>
        new(store, new DefaultFingerprintStrategy(), _world.Clock, Options.Create(new IssuesOptions { ScanBatchSize = batchSize }));
}
