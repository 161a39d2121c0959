using System.Diagnostics;
using System.Globalization;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Tests.Support;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Tests.Crash;

/// <summary>
/// Issue 3's crash test: a child process (Owlmetry.Issues.CrashProbe) seeds, merges, comments, changes statuses,
/// ingests and scans against one LiteDB file, and is killed with SIGKILL at a random moment, again and again on
/// the same file. After each kill the file must open as a consistent store that holds every unit the probe saw
/// return, and must take new writes.
/// </summary>
[TestFixture]
[Category("Crash")]
public sealed class LiteDbCrashTests
{
    private const int Kills = 6;
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(30);

    private readonly Guid _teamId = Guid.NewGuid();
    private readonly Guid _projectId = Guid.NewGuid();
    private readonly Guid _appId = Guid.NewGuid();
    private TempFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [TestCase(LiteDbDurability.ProcessCrash)]
    [TestCase(LiteDbDurability.PowerLoss)]
    public async Task ProbeKilledAtRandomMoments_ReopenedFileIsConsistentKeepsEveryReportedUnitAndTakesWrites(LiteDbDurability durability)
    {
        var seed = Environment.GetEnvironmentVariable("OWLMETRY_CRASH_SEED") is { } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var random = new Random(seed);
        var path = _folder.File("issues.db");
        var logs = new List<ProbeLog>();
        for (var kill = 1; kill <= Kills; kill++)
        {
            var delay = TimeSpan.FromMilliseconds(random.Next(100, 1_501));
            var log = await RunProbeAndKillAsync(path, random.Next(), delay, durability);
            logs.Add(log);
            var context = $"after kill {kill} of {Kills}, {delay.TotalMilliseconds} ms after the probe's first unit, at unit {log.Units} "
                + $"of that run ({logs.Sum(l => l.Units)} units in all); rerun with OWLMETRY_CRASH_SEED={seed}";

            await using var library = new LibraryOnFile(path, _teamId, _projectId, _appId);
            var violations = await StoreInvariants.FindViolationsAsync(library.Store, _projectId, [_appId]);
            var lost = await library.Store.ReadAsync(async reader => await LostUnitsAsync(reader, logs));
            Assert.That(violations, Is.Empty, $"the reopened store is inconsistent {context}");
            Assert.That(lost, Is.Empty, $"units the probe saw committed are missing {context}");

            await WriteOnceMoreAsync(library, context);
            Assert.That(await StoreInvariants.FindViolationsAsync(library.Store, _projectId, [_appId]), Is.Empty,
                $"the store is inconsistent after writing to the recovered file {context}");
            TestContext.Out.WriteLine($"kill {kill}: {delay.TotalMilliseconds} ms after the first unit, {log.Units} units, store consistent");
        }
    }

    private async Task<ProbeLog> RunProbeAndKillAsync(string path, int probeSeed, TimeSpan delay, LiteDbDurability durability)
    {
        using var probe = ChildProcess.Start(
            Path.Combine("crash-probe", "Owlmetry.Issues.CrashProbe.dll"),
            [path, _teamId.ToString(), _projectId.ToString(), _appId.ToString(), probeSeed.ToString(CultureInfo.InvariantCulture), "120", durability.ToString()],
            _folder.Path);
        await probe.WaitForLineAsync(line => line.StartsWith("unit ", StringComparison.Ordinal), s_startTimeout, "the probe's first committed unit");
        await Task.Delay(delay);
        Assert.That(probe.HasExited, Is.False, $"the probe stopped by itself before the kill:\n{probe.Describe()}");

        probe.Kill();

        Assert.That(probe.StandardError, Is.Empty, "the probe wrote errors before it was killed");
        return ProbeLog.Parse(probe.Lines);
    }

    /// <summary>Every unit the probe printed had returned from the store, so it must have survived the kill.</summary>
    private async Task<List<string>> LostUnitsAsync(IIssueStoreReader reader, IEnumerable<ProbeLog> logs)
    {
        var lost = new List<string>();
        var hashes = (await reader.ListFingerprintsAsync(_appId)).Keys.Select(key => key.Hash).ToHashSet(StringComparer.Ordinal);
        var checkpoint = await reader.GetScanCheckpointAsync();
        foreach (var log in logs)
        {
            lost.AddRange(log.Seeds.Where(s => !s.Hashes.All(hashes.Contains)).Select(s => $"seed of issue {s.IssueId}: its fingerprint aliases are gone"));
            foreach (var merge in log.Merges)
            {
                if (await reader.FindIssueAsync(merge.Source) is not null)
                {
                    lost.Add($"merge of {merge.Source} into {merge.Target}: the source still exists");
                }
            }

            foreach (var comment in log.Comments)
            {
                if (await reader.FindCommentAsync(comment.CommentId) is null)
                {
                    lost.Add($"comment {comment.CommentId} on issue {comment.IssueId}: not found");
                }
            }

            foreach (var clientEventId in log.ClientEventIds)
            {
                if (!await reader.HasClientEventAsync(_appId, clientEventId))
                {
                    lost.Add($"ingested event {clientEventId}: its client event id is unknown");
                }
            }
            if (checkpoint < log.ScanCheckpoint)
            {
                lost.Add($"scan: checkpoint {checkpoint}, but a scan had reached {log.ScanCheckpoint}");
            }
        }

        return lost;
    }

    /// <summary>A seed, a merge into a recovered issue, a comment and a scan of whatever the probe left pending.</summary>
    private async Task WriteOnceMoreAsync(LibraryOnFile library, string context)
    {
        var now = DateTimeOffset.UtcNow.TruncateToMilliseconds();
        var fresh = await library.Store.SeedIssueAsync(
            new Issue
            {
                Id = Guid.NewGuid(), ProjectId = _projectId, AppId = _appId, Title = "After the crash",
                FirstSeenAt = now, LastSeenAt = now, CreatedAt = now, UpdatedAt = now, Fingerprints = [Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())],
            },
            [new IssueOccurrence { Id = Guid.NewGuid(), IssueId = Guid.Empty, SessionId = Guid.NewGuid(), UserId = "after", EventId = Guid.NewGuid(), Timestamp = now, CreatedAt = now }]);
        var survivor = (await library.Store.ReadAsync(async reader => await StoreInvariants.AllIssuesAsync(reader, _projectId))).First(issue => issue.Id != fresh.Id);

        var merged = await library.Service.MergeAsync(library.Owner, _projectId, survivor.Id, fresh.Id);
        var comment = await library.Service.AddCommentAsync(library.Owner, _projectId, survivor.Id, "written after the crash");
        var scan = Stopwatch.StartNew();
        await library.Scanner.ScanAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(merged.IsSuccess, Is.True, $"merge on the recovered file {context}: {merged}");
            Assert.That(comment.IsSuccess, Is.True, $"comment on the recovered file {context}: {comment}");
            Assert.That(
                await library.Store.ReadAsync(async reader => await reader.GetScanCheckpointAsync() == await reader.GetLastEventSequenceAsync()), Is.True,
                $"the scan of the recovered file ({scan.ElapsedMilliseconds} ms) left events pending {context}");
        }
    }
}
