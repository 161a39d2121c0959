using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Owlmetry.Issues.Host.Webhooks;

/// <summary>
/// Sends pending deliveries: at start (what a previous run left pending), when new ones are added, and every poll
/// interval; a few at a time, each delivery by one task only. On stop, running deliveries are cancelled and
/// awaited, so their state is written before the store closes; they stay pending and resume on the next start.
/// </summary>
internal sealed partial class WebhookDeliveryService(
    IWebhookStore store, WebhookSender sender, WebhookSignal signal, TimeProvider timeProvider, IOptions<WebhookOptions> options,
    ILogger<WebhookDeliveryService> logger)
    : BackgroundService
{
    private const int BatchSize = 100;

    private readonly ConcurrentDictionary<Guid, Task> _running = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.Value.MaxConcurrentDeliveries);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    foreach (var delivery in await store.ListPendingDeliveriesAsync(BatchSize, stoppingToken))
                    {
                        if (!_running.ContainsKey(delivery.Id))
                        {
                            _running[delivery.Id] = RunAsync(delivery, slots, stoppingToken);
                        }
                    }

                    await signal.WaitAsync(options.Value.PollInterval, timeProvider, stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    LogLoopFailed(logger, exception);
                    await signal.WaitAsync(options.Value.PollInterval, timeProvider, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await Task.WhenAll(_running.Values);
        }
    }

    private async Task RunAsync(WebhookDelivery delivery, SemaphoreSlim slots, CancellationToken ct)
    {
        // Off the loop's thread: the loop keeps listing while deliveries wait for their backoff.
        await Task.Yield();
        try
        {
            await slots.WaitAsync(ct);
            try
            {
                await sender.DeliverAsync(delivery, ct);
            }
            finally
            {
                slots.Release();
            }

            // A settled delivery may have made room for the rest of a full batch.
            signal.Notify();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            LogDeliveryFailed(logger, delivery.Id, exception);
        }
        finally
        {
            _running.TryRemove(delivery.Id, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Listing pending webhook deliveries failed; it will be retried")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} failed unexpectedly; it stays pending")]
    private static partial void LogDeliveryFailed(ILogger logger, Guid deliveryId, Exception exception);
}
