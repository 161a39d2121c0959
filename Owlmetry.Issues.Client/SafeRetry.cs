using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Owlmetry.Issues.Client;

/// <summary>
/// Which requests the retry may repeat: reads, and requests the client marked as repeatable (an ingest whose every
/// event carries a <c>client_event_id</c>, which the server stores once however often it arrives). A status change,
/// a comment or a merge is never sent twice.
/// </summary>
internal static class SafeRetry
{
    private static readonly HttpRequestOptionsKey<bool> s_repeatable = new("Owlmetry.Issues.Client.Repeatable");

    public static void Allow(HttpRequestMessage request) => request.Options.Set(s_repeatable, true);

    public static bool MayRepeat(HttpRequestMessage? request) =>
        request is not null
        && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head
            || (request.Options.TryGetValue(s_repeatable, out var repeatable) && repeatable));

    public static HttpRetryStrategyOptions Options(OwlmetryIssuesClientOptions options) => new()
    {
        MaxRetryAttempts = Math.Max(options.MaxRetryAttempts, 1),
        Delay = options.RetryDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldHandle = args => ValueTask.FromResult(
            options.MaxRetryAttempts > 0 && HttpClientResiliencePredicates.IsTransient(args.Outcome) && MayRepeat(args.Context.GetRequestMessage())),
    };
}
