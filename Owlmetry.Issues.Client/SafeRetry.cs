using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Owlmetry.Issues.Client;

/// <summary>
/// Which requests the retry may repeat: reads, and requests the client marked as repeatable (an ingest whose every
/// event carries a <c>client_event_id</c>, which the server stores once however often it arrives). A status change,
/// a comment or a merge is never sent twice. An answer whose <c>Retry-After</c> asks for longer than
/// <see cref="OwlmetryIssuesClientOptions.MaxRetryAfter"/> is not waited out either: the caller gets it at once.
/// </summary>
internal static class SafeRetry
{
    private static readonly HttpRequestOptionsKey<bool> s_repeatable = new("Owlmetry.Issues.Client.Repeatable");

    public static void Allow(HttpRequestMessage request) => request.Options.Set(s_repeatable, true);

    public static bool MayRepeat(HttpRequestMessage? request) =>
        request is not null
        && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head
            || (request.Options.TryGetValue(s_repeatable, out var repeatable) && repeatable));

    /// <summary>
    /// The wait an answer's <c>Retry-After</c> asks for: its seconds, or the time until its date (zero for a date past).
    /// Null without one, or for a value that is neither, which <see cref="System.Net.Http.Headers.HttpResponseHeaders.RetryAfter"/>
    /// does not parse: the retry then backs off as it would without the header.
    /// </summary>
    public static TimeSpan? RequestedDelay(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Date: { } date } => NotNegative(date - DateTimeOffset.UtcNow),
        { Delta: { } delta } => delta,
        _ => null,
    };

    // The wait itself is the resilience library's: HttpRetryStrategyOptions honours Retry-After (ShouldRetryAfterHeader).
    public static HttpRetryStrategyOptions Options(OwlmetryIssuesClientOptions options) => new()
    {
        MaxRetryAttempts = Math.Max(options.MaxRetryAttempts, 1),
        Delay = options.RetryDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldHandle = args => ValueTask.FromResult(
            options.MaxRetryAttempts > 0 && HttpClientResiliencePredicates.IsTransient(args.Outcome) && MayRepeat(args.Context.GetRequestMessage())
            && !AsksToWaitLongerThan(options.MaxRetryAfter, args.Outcome.Result)),
    };

    // A longer wait is the caller's to schedule (OwlmetryApiException.RetryAfter), not one call's to sit through.
    private static bool AsksToWaitLongerThan(TimeSpan bound, HttpResponseMessage? answer) => answer is not null && RequestedDelay(answer) > bound;

    private static TimeSpan NotNegative(TimeSpan delay) => delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
}
