using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Notifications;

/// <summary>
/// Hands the outbox's pending notifications, oldest first, to every <see cref="INotificationHandler"/>, and marks
/// each dispatched once all handlers took it. Passes never overlap, here or in another process sharing the store (through
/// the store's notification dispatch lease). Callable by hand; run in the background by
/// <c>AddNotifications()</c>, woken as soon as a scan or digest recorded something.
/// </summary>
public sealed partial class NotificationDispatcher
{
    private const int BatchSize = 100;
    private static readonly TimeSpan s_retention = TimeSpan.FromDays(30);
    private static readonly TimeSpan s_cleanupInterval = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IIssueStore _store;
    private readonly IEnumerable<INotificationHandler> _handlers;
    private readonly TimeProvider _timeProvider;
    private readonly NotificationOptions _options;
    private readonly ILogger _logger;
    private DateTimeOffset? _lastCleanup;

    /// <summary>Creates the dispatcher over the handlers (enumerated again on every pass).</summary>
    internal NotificationDispatcher(
        IIssueStore store, IEnumerable<INotificationHandler> handlers, TimeProvider timeProvider, IOptions<NotificationOptions> options, ILogger<NotificationDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _handlers = handlers;
        _timeProvider = timeProvider;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>
    /// Dispatches every pending notification once; does nothing while another process sharing the store dispatches
    /// (that process hands them over).
    /// </summary>
    /// <returns>How many were dispatched to every handler.</returns>
    public async Task<int> DispatchPendingAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var lease = await _store.TryAcquireLeaseAsync(StoreLeases.NotificationDispatch, ct).ConfigureAwait(false);
            if (lease is null)
            {
                return 0;
            }

            var attempted = new HashSet<Guid>();
            var dispatched = 0;
            while (true)
            {
                // A notification whose handler failed stays pending: it is tried once per pass, not again in this one.
                var pending = await _store.ReadAsync(r => r.ListPendingNotificationsAsync(attempted.Count + BatchSize), ct).ConfigureAwait(false);
                var fresh = pending.Where(n => attempted.Add(n.Id)).ToList();
                if (fresh.Count == 0)
                {
                    break;
                }

                foreach (var entry in fresh)
                {
                    dispatched += await DispatchAsync(entry, ct).ConfigureAwait(false) ? 1 : 0;
                }
            }

            await CleanUpAsync(ct).ConfigureAwait(false);
            return dispatched;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> DispatchAsync(OutboxNotification entry, CancellationToken ct)
    {
        Exception? failure = null;
        try
        {
            var notification = NotificationJson.Deserialize(entry);
            foreach (var handler in _handlers)
            {
                try
                {
                    await handler.HandleAsync(notification, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    LogHandlerFailed(_logger, handler.GetType().Name, entry.Id, ex);
                    failure ??= ex;
                }
            }
        }
        catch (InvalidDataException ex)
        {
            // A payload that does not parse never will: give it up at once.
            failure = ex;
            entry = entry with { Attempts = _options.MaxDispatchAttempts - 1 };
        }

        var now = _timeProvider.GetUtcNowMilliseconds();
        var settled = failure is null
            ? entry with { Status = NotificationDispatchStatus.Dispatched, DispatchedAt = now }
            : entry with
            {
                Attempts = entry.Attempts + 1,
                LastError = failure.Message,
                Status = entry.Attempts + 1 >= _options.MaxDispatchAttempts ? NotificationDispatchStatus.Failed : NotificationDispatchStatus.Pending,
                DispatchedAt = entry.Attempts + 1 >= _options.MaxDispatchAttempts ? now : null,
            };
        if (settled.Status == NotificationDispatchStatus.Failed)
        {
            LogGivenUp(_logger, entry.Id, settled.Attempts);
        }

        // Not cancelled with the pass: the handlers did their part, and recording it avoids handing it over again.
        await _store.WriteAsync(async w =>
        {
            await w.UpdateNotificationAsync(settled).ConfigureAwait(false);
            return true;
        }, CancellationToken.None).ConfigureAwait(false);
        return failure is null;
    }

    private async Task CleanUpAsync(CancellationToken ct)
    {
        var now = _timeProvider.GetUtcNow();
        if (_lastCleanup is { } last && now - last < s_cleanupInterval)
        {
            return;
        }

        _lastCleanup = now;
        await _store.WriteAsync(w => w.DeleteNotificationsSettledBeforeAsync(now - s_retention), ct).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification handler {Handler} failed on notification {NotificationId}; it will be tried again")]
    private static partial void LogHandlerFailed(ILogger logger, string handler, Guid notificationId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {NotificationId} was given up after {Attempts} failed dispatch attempts")]
    private static partial void LogGivenUp(ILogger logger, Guid notificationId, int attempts);
}
