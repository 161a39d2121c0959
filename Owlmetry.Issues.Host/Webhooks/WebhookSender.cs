using System.Net.Http.Headers;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.Host.Observability;
using Owlmetry.Issues.Time;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Owlmetry.Issues.Host.Webhooks;

/// <summary>
/// Sends one delivery (CONTRACT §9): a signed POST of the frozen payload, retried with exponential backoff by a
/// Polly pipeline until a 2xx or the last attempt. Each attempt waits for one of the server's delivery slots and holds
/// it for that attempt only (its timeout inside), so a delivery waiting for its next retry leaves the slot to others;
/// before sending it claims the delivery for the attempts left. Every finished attempt is written to the store before
/// the next one, so a restart resumes with the attempts that are left; an attempt cut short by the restart itself is
/// not counted.
/// </summary>
internal sealed partial class WebhookSender(
    IWebhookStore store,
    IHttpClientFactory httpClients,
    TimeProvider timeProvider,
    IOptions<WebhookOptions> options,
    OwlmetryServerMetrics metrics,
    ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "Owlmetry.Webhooks";

    /// <param name="delivery">The pending delivery as last read.</param>
    /// <param name="slots">The server's limit on attempts in flight, shared by every delivery.</param>
    /// <param name="claimAttempt">
    /// Claims the delivery, as the sender last saved it, for the attempts left; false when another server holds it or
    /// has moved it on meanwhile, which ends this sender's work on it.
    /// </param>
    /// <param name="ct">Stops the delivery, which stays pending.</param>
    public async Task DeliverAsync(
        WebhookDelivery delivery, RateLimiter slots, Func<WebhookDelivery, CancellationToken, Task<bool>> claimAttempt, CancellationToken ct)
    {
        if (await store.FindWebhookAsync(delivery.WebhookId, ct) is not { } webhook)
        {
            return;
        }

        var state = delivery;
        var remaining = options.Value.MaxAttempts - delivery.Attempts;
        if (remaining <= 0)
        {
            await SaveAsync(state with { Status = WebhookDeliveryStatus.Failed });
            metrics.DeliverySettled(WebhookDeliveryStatus.Failed);
            return;
        }

        string? failure = null;
        var pipeline = BuildPipeline(remaining, slots, async outcome =>
        {
            state = state with { Attempts = state.Attempts + 1, LastStatusCode = StatusOf(outcome) };
            await SaveAsync(state);
        });
        try
        {
            using var response = await pipeline.ExecuteAsync(
                async token => await claimAttempt(state, token) ? await SendAsync(webhook, delivery, token) : throw new ClaimLostException(),
                ct);
            var succeeded = response.IsSuccessStatusCode;
            state = state with
            {
                Attempts = state.Attempts + 1,
                LastStatusCode = (int)response.StatusCode,
                Status = succeeded ? WebhookDeliveryStatus.Delivered : WebhookDeliveryStatus.Failed,
                DeliveredAt = succeeded ? timeProvider.GetUtcNowMilliseconds() : null,
            };
            failure = succeeded ? null : $"the receiver answered {(int)response.StatusCode}";
        }
        catch (ClaimLostException)
        {
            return;
        }
        catch (Exception exception) when (!ct.IsCancellationRequested && exception is HttpRequestException or TimeoutRejectedException)
        {
            state = state with { Attempts = state.Attempts + 1, LastStatusCode = null, Status = WebhookDeliveryStatus.Failed };
            failure = exception.Message;
        }

        if (failure is not null)
        {
            LogFailed(logger, delivery.Id, webhook.Id, state.Attempts, failure);
        }

        await SaveAsync(state);
        metrics.DeliverySettled(state.Status);
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(int attempts, RateLimiter slots, Func<Outcome<HttpResponseMessage>, Task> attemptFailed)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (attempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = attempts - 1,
                Delay = options.Value.FirstRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => !response.IsSuccessStatusCode),
                OnRetry = async args => await attemptFailed(args.Outcome),
            });
        }

        return builder.AddRateLimiter(slots).AddTimeout(options.Value.AttemptTimeout).Build();
    }

    private async ValueTask<HttpResponseMessage> SendAsync(Webhook webhook, WebhookDelivery delivery, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(delivery.Payload)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Owlmetry-Event", delivery.Type);
        request.Headers.Add("Owlmetry-Delivery", delivery.Id.ToString());
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Create(webhook.Secret, timeProvider.GetUtcNow().ToUnixTimeSeconds(), delivery.Payload));
        return await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
    }

    private static int? StatusOf(Outcome<HttpResponseMessage> outcome) => outcome.Result is { } response ? (int)response.StatusCode : null;

    // Not cancelled with the sender: an attempt that finished is recorded even while the host stops.
    private Task SaveAsync(WebhookDelivery delivery) => store.SaveDeliveryAsync(delivery, CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to webhook {WebhookId} failed after {Attempts} attempts: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid deliveryId, Guid webhookId, int attempts, string reason);

    // Not a failure the retry handles: the delivery is another sender's now.
    private sealed class ClaimLostException : Exception;
}
