using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.DependencyInjection;

namespace Owlmetry.Issues.Scanning;

/// <summary>Runs the scan continuously: when ingest signals new error events, and at least every scan interval; not at all when <see cref="IssuesOptions.BackgroundScan"/> is off.</summary>
internal sealed partial class IssueScanBackgroundService(
    ScanJobs jobs, ScanSignal signal, TimeProvider timeProvider, IOptions<IssuesOptions> options, ILogger<IssueScanBackgroundService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundScan)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await jobs.RunAsync(triggeredByTeamId: null, stoppingToken).ConfigureAwait(false);
                await signal.WaitAsync(options.Value.ScanInterval, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The failed batch rolled back and its events stay pending: the next pass retries them.
                LogScanFailed(logger, exception);
                await Task.Delay(options.Value.ScanInterval, timeProvider, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The issue scan failed; it will be retried")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
