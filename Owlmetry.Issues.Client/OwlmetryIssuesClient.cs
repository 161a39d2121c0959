using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.Client;

/// <summary>
/// A typed client of the Owlmetry <c>/v1</c> Issues API. Register it with
/// <c>services.AddOwlmetryIssuesClient(o =&gt; { o.BaseAddress = ...; o.ApiKey = ...; })</c> and take it from the
/// container. Every refusal of the server throws an <see cref="OwlmetryApiException"/> with its status and
/// <c>error</c> text, an answer that is not the API's an <see cref="OwlmetryProtocolException"/>; lists are enumerated
/// across their cursor pages.
/// </summary>
public sealed partial class OwlmetryIssuesClient
{
    private static readonly JsonSerializerOptions s_json = IssuesJson.CreateOptions();
    private static readonly long s_defaultMaxResponseSize = new OwlmetryIssuesClientOptions().MaxResponseSize;
    private readonly HttpClient _http;
    private readonly long _maxResponseSize;

    /// <summary>
    /// Creates a client on an <see cref="HttpClient"/> whose base address and credential are set. A credential set as a
    /// default header goes with every request, signed download links included; <c>AddOwlmetryIssuesClient</c> sends it
    /// to the base address's origin only. Answers are read up to the default
    /// <see cref="OwlmetryIssuesClientOptions.MaxResponseSize"/> (128 MiB), or the HttpClient's
    /// <see cref="HttpClient.MaxResponseContentBufferSize"/> when that is lower, and the HttpClient's
    /// <see cref="HttpClient.Timeout"/> bounds a call, its answer's body included. Nothing is retried, so no
    /// <c>Retry-After</c> is waited out: a refusal is thrown at once with its <see cref="OwlmetryApiException.RetryAfter"/>.
    /// </summary>
    /// <param name="http">The HTTP client, as <c>AddOwlmetryIssuesClient</c> configures it.</param>
    public OwlmetryIssuesClient(HttpClient http)
        : this(http, s_defaultMaxResponseSize)
    {
    }

    /// <summary>The client <c>AddOwlmetryIssuesClient</c> makes, reading answers up to its options' MaxResponseSize.</summary>
    internal OwlmetryIssuesClient(HttpClient http, long maxResponseSize)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        // HttpClient would have buffered an answer up to its own bound; the client reads the bodies itself now, so it
        // keeps a lower bound set on the HttpClient.
        _maxResponseSize = Math.Min(maxResponseSize, http.MaxResponseContentBufferSize);
    }

    private Task<T> GetAsync<T>(string path, CancellationToken ct) => SendAsync<T>(HttpMethod.Get, path, null, ct);

    private Task<T> PostAsync<T>(string path, object? body, CancellationToken ct) => SendAsync<T>(HttpMethod.Post, path, body, ct);

    private Task<T> PatchAsync<T>(string path, object? body, CancellationToken ct) => SendAsync<T>(HttpMethod.Patch, path, body, ct);

    private Task<DeletedResponse> DeleteAsync(string path, CancellationToken ct) => SendAsync<DeletedResponse>(HttpMethod.Delete, path, null, ct);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct, bool retryable = false)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: s_json);
        }

        if (retryable)
        {
            SafeRetry.Allow(request);
        }

        using var response = await SendCheckedAsync(request, streamed: false, ct).ConfigureAwait(false);
        return await ReadJsonAsync<T>(request, response, ct).ConfigureAwait(false);
    }

    private static async Task<T> ReadJsonAsync<T>(HttpRequestMessage request, HttpResponseMessage response, CancellationToken ct)
    {
        T? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync<T>(s_json, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            // NotSupportedException: a content type the JSON reader does not take (an HTML page, say).
            throw NotTheApi(Route(request), $"{(int)response.StatusCode} with a body that is not the API's JSON ({e.Message})", e);
        }

        return body ?? throw NotTheApi(Route(request), $"{(int)response.StatusCode} with JSON null");
    }

    private static string Route(HttpRequestMessage request) => $"{request.Method} {Origins.WithoutQuery(request.RequestUri)}";

    /// <summary>What <paramref name="route"/> answered that the API never does, e.g. <c>GET v1/auth/whoami answered no caller</c>.</summary>
    private static OwlmetryProtocolException NotTheApi(string route, string answered, Exception? inner = null) =>
        new($"{route} answered {answered}: is the base address an Owlmetry server?", inner);

    /// <summary>
    /// Sends a request and reads its answer whole, up to the bound, unless it is a download's bytes
    /// (<paramref name="streamed"/>), which the caller copies to their destination whatever their size; throws the
    /// server's refusal. The caller disposes the response.
    /// </summary>
    private async Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request, bool streamed, CancellationToken ct)
    {
        // The client reads the body itself (ResponseHeadersRead), up to its bound, where HttpClient would first buffer
        // it up to its own (2 GiB); a handler, which could bound it inside HttpClient, is not on an HttpClient the client
        // is given. HttpClient's Timeout then stops at the headers, so the call has a deadline of its own, as long,
        // that covers the body too.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_http.Timeout);
        try
        {
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode && streamed)
            {
                return response;
            }

            await BufferAsync(request, response, deadline.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                var error = await ReadErrorAsync(response, ct).ConfigureAwait(false);
                throw new OwlmetryApiException(response.StatusCode, error, request.Method.Method, Origins.WithoutQuery(request.RequestUri))
                {
                    RetryAfter = SafeRetry.RequestedDelay(response),
                };
            }
        }
        catch (OperationCanceledException cancelled) when (
            deadline.IsCancellationRequested && !ct.IsCancellationRequested && cancelled.InnerException is not TimeoutException)
        {
            // As HttpClient reports its Timeout, which a caller (the command line) tells from a cancellation by the TimeoutException.
            throw new TaskCanceledException(
                string.Create(
                    CultureInfo.InvariantCulture, $"The request was canceled due to the configured HttpClient.Timeout of {_http.Timeout.TotalSeconds} seconds elapsing."),
                new TimeoutException(cancelled.Message, cancelled));
        }
    }

    // Refuses a Content-Length over the bound before reading the body, and a body of unknown length at the first read
    // that passes it: a server or a proxy sending a huge or endless body is stopped there.
    private async Task BufferAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync(_maxResponseSize, ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            response.Dispose();
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded })
            {
                throw NotTheApi(Route(request), $"more than {_maxResponseSize} bytes, the client's MaxResponseSize", e);
            }

            throw;
        }
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String)
            {
                return error.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not a problem body (a proxy's page, say): the status line is all there is to say.
        }

        if (response.Headers.Location is { } location)
        {
            return $"Redirected to {Origins.WithoutQuery(location)}: use that address as the client's base address";
        }

        return response.ReasonPhrase ?? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Every item of a cursor-paged list, fetching the next page when the previous one is used up.</summary>
    private async IAsyncEnumerable<TItem> PagesAsync<TPage, TItem>(
        string path, QueryString query, Func<TPage, (IReadOnlyList<TItem> Items, string? Cursor, bool HasMore)> read,
        [EnumeratorCancellation] CancellationToken ct)
    {
        string? cursor = null;
        do
        {
            var page = read(await GetAsync<TPage>(query.With("cursor", cursor).Append(path), ct).ConfigureAwait(false));
            if (page.Items is null)
            {
                throw NotTheApi($"GET {path}", "a page without its list");
            }

            foreach (var item in page.Items)
            {
                yield return item;
            }

            var previous = cursor;
            cursor = page.HasMore ? page.Cursor : null;
            if (cursor is not null && cursor == previous)
            {
                // Asked again, the same page would come back for ever.
                throw new OwlmetryProtocolException($"GET {path} answered the cursor it was asked for as the next page's");
            }
        }
        while (cursor is not null);
    }

    private static string Id(Guid id) => id.ToString("D");
}
