using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Owlmetry.Issues.Notifications;

/// <summary>Records the digests that are due every digest check interval, on the injected clock.</summary>
internal sealed partial class IssueDigestBackgroundService(
    IssueDigests digests, TimeProvider timeProvider, IOptions<NotificationOptions> options, ILogger<IssueDigestBackgroundService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundDigests)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.DigestCheckInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await digests.RunDueAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // The failed unit rolled back: the same digest is due again at the next tick.
                    LogDigestFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The issue digest failed; it will be retried")]
    private static partial void LogDigestFailed(ILogger logger, Exception exception);
}
