namespace Owlmetry.Issues;

/// <summary>
/// Runs the scan as a recorded job: a triggered run is always recorded (running, then completed or failed); a
/// background run only when it found events, so an idle server does not fill its job list.
/// </summary>
public sealed class ScanJobs(IssueScanner scanner, IIssueStore store, TimeProvider timeProvider)
{
    /// <summary>Runs a scan now (after one already running) and records it.</summary>
    /// <param name="triggeredByTeamId">The team that asked for it; null for the background scan.</param>
    /// <param name="ct">Cancels the wait and the scan.</param>
    /// <returns>The finished run.</returns>
    public async Task<ScanRun> RunAsync(Guid? triggeredByTeamId, CancellationToken ct = default)
    {
        var run = new ScanRun
        {
            Id = Guid.CreateVersion7(timeProvider.GetUtcNow()),
            TriggeredByTeamId = triggeredByTeamId,
            Status = ScanRunStatus.Running,
            StartedAt = timeProvider.GetUtcNowMilliseconds(),
        };
        var recorded = triggeredByTeamId is not null;
        if (recorded)
        {
            await SaveAsync(run, ct).ConfigureAwait(false);
        }

        try
        {
            var result = await scanner.ScanAsync(ct).ConfigureAwait(false);
            var completed = run with { Status = ScanRunStatus.Completed, CompletedAt = timeProvider.GetUtcNowMilliseconds(), Result = result };
            if (recorded || result.EventsProcessed > 0)
            {
                await SaveAsync(completed, ct).ConfigureAwait(false);
            }

            return completed;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failed = run with { Status = ScanRunStatus.Failed, CompletedAt = timeProvider.GetUtcNowMilliseconds(), Error = exception.Message };
            await SaveAsync(failed, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A recorded run, or null.</summary>
    public Task<ScanRun?> FindAsync(Guid runId, CancellationToken ct = default) => store.ReadAsync(r => r.FindScanRun(runId), ct);

    /// <summary>The newest recorded runs.</summary>
    public Task<IReadOnlyList<ScanRun>> ListAsync(int take, CancellationToken ct = default) => store.ReadAsync(r => r.ListScanRuns(take), ct);

    private Task SaveAsync(ScanRun run, CancellationToken ct) =>
        store.WriteAsync(w =>
        {
            w.SaveScanRun(run);
            return true;
        }, ct);
}
