namespace Owlmetry.Issues.Client;

/// <summary>Where the Owlmetry server is and how the client authenticates, retries and bounds its calls.</summary>
public sealed class OwlmetryIssuesClientOptions
{
    /// <summary>The server's address, e.g. <c>http://localhost:4000</c>; the API is under <c>v1/</c> of it. Required.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// The bearer credential: an API key (an agent key to triage, a client key to ingest) or a user token from
    /// <see cref="OwlmetryIssuesClient.LoginAsync"/>. Without one only the anonymous routes answer.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// How many times a request that is safe to repeat (a read, or an ingest whose every event carries a
    /// <c>client_event_id</c>) is retried after a transient failure (a 5xx, 408, 429 or a network error); 0 turns
    /// retries off. Default 3.
    /// </summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>How long one call may take, its retries included; then it throws a <see cref="TaskCanceledException"/>. Default 100 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The delay before the first retry, doubled (with jitter) for each next one; an answer's <c>Retry-After</c>, up to
    /// <see cref="MaxRetryAfter"/>, wins. Default 1 s.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest <c>Retry-After</c> (of a 429 or a 503, say) the client waits out before it retries; an answer that
    /// asks for longer is thrown at once as its <see cref="OwlmetryApiException"/>, whose
    /// <see cref="OwlmetryApiException.RetryAfter"/> says when to come back. Default 30 s: the server's own limits ask
    /// for a second (ingest) up to a minute (the login and download windows), and <see cref="MaxRetryAttempts"/> (3)
    /// waits of 30 s fit in the default <see cref="Timeout"/>, so a call that waits is answered rather than cancelled
    /// with the server's delay lost.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most bytes of an answer the client reads; a longer one, by its <c>Content-Length</c> or as it arrives, throws
    /// an <see cref="OwlmetryProtocolException"/> without being read further. An attachment's download is streamed to
    /// its destination and not bounded. Default 128 MiB, twice the largest answer of the API: a page of 200 events (the
    /// server's largest page by default) at their longest (a 10,000-character message, a 16,000-character stack, 100
    /// attributes) is 11 MiB of ASCII, and 65 MiB when each character is written as <c>\uXXXX</c>, as the server writes
    /// non-ASCII text; a client key, which apps ship, is enough to send such events. At most <see cref="int.MaxValue"/>
    /// bytes (2 GiB), <see cref="HttpClient"/>'s own bound.
    /// </summary>
    public long MaxResponseSize { get; set; } = 128 * 1024 * 1024;
}
