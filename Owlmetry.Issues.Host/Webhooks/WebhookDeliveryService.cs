using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Owlmetry.Issues.Host.Webhooks;

/// <summary>
/// Sends pending deliveries: at start (what a previous run left pending), when new ones are added, and every poll
/// interval; a few attempts at a time (a delivery waiting for its next retry holds no slot), each delivery by one task
/// only, and by one server only: before each attempt a delivery is claimed in the store for as long as its attempts and
/// backoff can last, so servers sharing a database never send it twice, and a dead server's claim lapses for another
/// to resume. On stop, running deliveries are cancelled and awaited, so their state is written before the store
/// closes; they stay pending and resume on the next start.
/// </summary>
internal sealed partial class WebhookDeliveryService(
    IWebhookStore store, WebhookSender sender, WebhookSignal signal, TimeProvider timeProvider, IOptions<WebhookOptions> options,
    ILogger<WebhookDeliveryService> logger)
    : BackgroundService
{
    private const int BatchSize = 100;

    private readonly ConcurrentDictionary<Guid, Task> _running = new();

    // Who this server is to the other servers' claims.
    private readonly Guid _claimant = Guid.NewGuid();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.MaxConcurrentDeliveries,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    foreach (var delivery in await store.ListPendingDeliveriesAsync(BatchSize, timeProvider.GetUtcNow(), stoppingToken))
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

    /// <summary>The longest the attempts left can take: each its timeout, the exponential backoff between them, and one more timeout of slack.</summary>
    internal static TimeSpan LongestSend(WebhookDelivery delivery, WebhookOptions options)
    {
        var attempts = Math.Max(options.MaxAttempts - delivery.Attempts, 1);
        return options.AttemptTimeout * (attempts + 1) + options.FirstRetryDelay * (Math.Pow(2, attempts - 1) - 1);
    }

    private async Task RunAsync(WebhookDelivery delivery, RateLimiter slots, CancellationToken ct)
    {
        // Off the loop's thread: the loop keeps listing while deliveries wait for a slot or their backoff.
        await Task.Yield();
        try
        {
            await sender.DeliverAsync(delivery, slots, ClaimAttemptAsync, ct);

            // A settled delivery may have made room for the rest of a full batch.
            signal.Notify();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the delivery stays pending, and the claim is given up so that the next start (or another
            // server) resumes it at once rather than when the claim would lapse.
            await ReleaseClaimAsync(delivery.Id);
        }
        catch (Exception exception)
        {
            LogDeliveryFailed(logger, delivery.Id, exception);
            await ReleaseClaimAsync(delivery.Id);
        }
        finally
        {
            _running.TryRemove(delivery.Id, out _);
        }
    }

    // The delivery must still be pending with the attempts this sender last saved: another server that took it over
    // while this one waited for a slot may have sent it.
    private async Task<bool> ClaimAttemptAsync(WebhookDelivery expected, CancellationToken ct)
    {
        var now = timeProvider.GetUtcNow();
        return await store.TryClaimDeliveryAsync(expected.Id, _claimant, now + LongestSend(expected, options.Value), now, ct)
            && await store.FindDeliveryAsync(expected.Id, ct) is { Status: WebhookDeliveryStatus.Pending } current
            && current.Attempts == expected.Attempts;
    }

    // A claim held until now has lapsed for everyone; one that another sender holds is left alone.
    private async Task ReleaseClaimAsync(Guid deliveryId)
    {
        try
        {
            var now = timeProvider.GetUtcNow();
            await store.TryClaimDeliveryAsync(deliveryId, _claimant, now, now, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogReleaseFailed(logger, deliveryId, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Listing pending webhook deliveries failed; it will be retried")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Giving up the claim of webhook delivery {DeliveryId} failed; it lapses by itself")]
    private static partial void LogReleaseFailed(ILogger logger, Guid deliveryId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} failed unexpectedly; it stays pending")]
    private static partial void LogDeliveryFailed(ILogger logger, Guid deliveryId, Exception exception);
}
