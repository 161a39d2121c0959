using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Owlmetry.Issues.Attachments;

/// <summary>Runs the attachment cleanup at start and then every <see cref="AttachmentOptions.CleanupInterval"/>.</summary>
internal sealed partial class AttachmentCleanupBackgroundService(
    AttachmentCleanup cleanup, TimeProvider timeProvider, IOptions<AttachmentOptions> options, ILogger<AttachmentCleanupBackgroundService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await cleanup.RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Whatever was not purged is still due: the next run retries it.
                LogCleanupFailed(logger, exception);
            }

            try
            {
                await Task.Delay(options.Value.CleanupInterval, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The attachment cleanup failed; it will run again")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception);
}
