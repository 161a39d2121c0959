using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Scanning;

/// <summary>
/// Runs the scan as a recorded job: a triggered run is always recorded (running, then completed or failed); a
/// background run only when it found events, so an idle server does not fill its job list.
/// </summary>
/// <remarks>
/// A process that dies mid-run leaves its run recorded as running. A triggered run is recorded running only once its
/// process holds the scan lease (<see cref="StoreLeases.Scan"/>), which every process sharing the store takes for a
/// pass. So before its first use, this object takes that lease and records every run still running in the store as
/// failed (<see cref="InterruptedError"/>): with the lease free, none can be running. While another process holds it,
/// the runs are left as they are and the repair is tried again at the next use. This object's own runs start only
/// after the repair (the host registers one per process).
/// </remarks>
internal sealed partial class ScanJobs(IssueScanner scanner, IIssueStore store, IIssueDirectory directory, TimeProvider timeProvider)
{
    /// <summary>The error of a run whose process stopped before the run finished.</summary>
    public const string InterruptedError = "Interrupted: the process running the scan stopped before the scan finished";

    /// <summary>
    /// The error of a run whose scan failed. The run is its team's to read and the failure may be the store's, so its
    /// details go to the log of the process that ran it (the exception propagates to the caller), not into the run.
    /// </summary>
    public const string FailedError = "The scan failed; the server's log has the error";

    // Only the newest runs can have been left running: every start repairs the runs of the stop before it.
    private const int RunsToRepair = 100;

    private readonly SemaphoreSlim _repair = new(1, 1);
    private volatile bool _repaired;

    /// <summary>Runs a scan now (after one already running, here or, when triggered, in another process sharing the store) and records it.</summary>
    /// <param name="triggeredByTeamId">The team that asked for it; null for the background scan.</param>
    /// <param name="ct">Cancels the wait and the scan.</param>
    /// <returns>The finished run.</returns>
    public async Task<ScanRun> RunAsync(Guid? triggeredByTeamId, CancellationToken ct = default)
    {
        await RepairInterruptedRunsAsync(ct).ConfigureAwait(false);
        var run = new ScanRun
        {
            Id = TimeOrderedIds.New(timeProvider.GetUtcNow()),
            TriggeredByTeamId = triggeredByTeamId,
            Status = ScanRunStatus.Running,
            StartedAt = timeProvider.GetUtcNowMilliseconds(),
        };
        var recorded = triggeredByTeamId is not null;
        try
        {
            // A trigger promises the events stored before it: it waits for another process's pass instead of skipping.
            var tally = recorded
                ? await scanner.ScanStoredEventsAsync(() => SaveAsync(run, ct), ct).ConfigureAwait(false)
                : await scanner.ScanByProjectAsync(ct).ConfigureAwait(false);
            var result = triggeredByTeamId is { } teamId ? tally.For(await TeamProjectIdsAsync(teamId, ct).ConfigureAwait(false)) : tally.Total;
            var completed = run with { Status = ScanRunStatus.Completed, CompletedAt = timeProvider.GetUtcNowMilliseconds(), Result = result };
            if (recorded || result.EventsProcessed > 0)
            {
                await SaveAsync(completed, ct).ConfigureAwait(false);
            }

            return completed;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failed = run with { Status = ScanRunStatus.Failed, CompletedAt = timeProvider.GetUtcNowMilliseconds(), Error = FailedError };
            await SaveAsync(failed, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A recorded run, or null.</summary>
    public async Task<ScanRun?> FindAsync(Guid runId, CancellationToken ct = default)
    {
        await RepairInterruptedRunsAsync(ct).ConfigureAwait(false);
        return await store.ReadAsync(r => r.FindScanRunAsync(runId), ct).ConfigureAwait(false);
    }

    /// <summary>The newest recorded runs.</summary>
    public async Task<IReadOnlyList<ScanRun>> ListAsync(int take, CancellationToken ct = default)
    {
        await RepairInterruptedRunsAsync(ct).ConfigureAwait(false);
        return await store.ReadAsync(r => r.ListScanRunsAsync(take), ct).ConfigureAwait(false);
    }

    private async Task RepairInterruptedRunsAsync(CancellationToken ct)
    {
        if (_repaired)
        {
            return;
        }

        await _repair.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_repaired)
            {
                return;
            }

            await using var lease = await store.TryAcquireLeaseAsync(StoreLeases.Scan, ct).ConfigureAwait(false);
            if (lease is null)
            {
                return;
            }

            var now = timeProvider.GetUtcNowMilliseconds();
            await store.WriteAsync(
                async writer =>
                {
                    foreach (var run in (await writer.ListScanRunsAsync(RunsToRepair).ConfigureAwait(false)).Where(r => r.Status == ScanRunStatus.Running))
                    {
                        await writer.SaveScanRunAsync(run with { Status = ScanRunStatus.Failed, CompletedAt = now, Error = InterruptedError }).ConfigureAwait(false);
                    }

                    return true;
                },
                ct).ConfigureAwait(false);
            _repaired = true;
        }
        finally
        {
            _repair.Release();
        }
    }

    private async Task<IEnumerable<Guid>> TeamProjectIdsAsync(Guid teamId, CancellationToken ct) =>
        (await directory.ListProjectsAsync([teamId], ct).ConfigureAwait(false)).Select(p => p.Id);

    private Task SaveAsync(ScanRun run, CancellationToken ct) =>
        store.WriteAsync(async w =>
        {
            await w.SaveScanRunAsync(run).ConfigureAwait(false);
            return true;
        }, ct);
}
