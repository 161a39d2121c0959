using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Owlmetry.Issues.Notifications;

/// <summary>
/// Dispatches the outbox continuously: at start (what a previous process left pending), whenever a scan or digest
/// recorded a notification, and at least every dispatch interval.
/// </summary>
internal sealed partial class NotificationDispatchBackgroundService(
    NotificationDispatcher dispatcher, NotificationSignal signal, TimeProvider timeProvider, IOptions<NotificationOptions> options,
    ILogger<NotificationDispatchBackgroundService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DispatchPendingAsync(stoppingToken).ConfigureAwait(false);
                await signal.WaitAsync(options.Value.DispatchInterval, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogDispatchFailed(logger, exception);
                await Task.Delay(options.Value.DispatchInterval, timeProvider, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The notification dispatch failed; it will be retried")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
