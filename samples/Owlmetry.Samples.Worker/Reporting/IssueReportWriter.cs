using Owlmetry.Issues.Ingest;

namespace Owlmetry.Samples.Worker.Reporting;

// Ingests the queued reports in batches, as POST /v1/ingest would, but in process: durable when IngestAsync returns.
public sealed class IssueReportWriter(IssueReports reports, EventIngestor ingestor, ILogger<IssueReportWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await reports.Pending.WaitToReadAsync(stoppingToken))
            {
                await WriteBatchAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // What was reported up to the stop is stored before the app ends.
        while (await WriteBatchAsync(cancellationToken) > 0)
        {
        }
    }

    private async Task<int> WriteBatchAsync(CancellationToken ct)
    {
        var batch = new List<IncomingEvent>();
        while (batch.Count < EventRules.MaxBatchSize && reports.Pending.TryRead(out var report))
        {
            batch.Add(report);
        }

        if (batch.Count == 0)
        {
            return 0;
        }

        // Warnings, not errors: an error here would be forwarded to the writer that failed.
        try
        {
            #region Ingest
            var result = await ingestor.IngestAsync(WorkerApp.Source, batch, ct);
            if (!result.IsSuccess)
            {
                logger.LogWarning("{Count} error reports were refused: {Reason}", batch.Count, result.Error.Message);
            }
            else if (result.Value.Rejected > 0)
            {
                logger.LogWarning("{Count} error reports were refused: {Reason}", result.Value.Rejected, result.Value.Errors[0].Message);
            }
            #endregion
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "{Count} error reports were lost: the store failed", batch.Count);
        }

        return batch.Count;
    }
}
