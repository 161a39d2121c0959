using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.Client;

/// <summary>
/// A typed client of the Owlmetry <c>/v1</c> Issues API. Register it with
/// <c>services.AddOwlmetryIssuesClient(o =&gt; { o.BaseAddress = ...; o.ApiKey = ...; })</c> and take it from the
/// container. Every refusal of the server throws an <see cref="OwlmetryApiException"/> with its status and
/// <c>error</c> text; lists are enumerated across their cursor pages.
/// </summary>
public sealed partial class OwlmetryIssuesClient
{
    private static readonly JsonSerializerOptions s_json = IssuesJson.CreateOptions();
    private readonly HttpClient _http;

    /// <summary>Creates a client on an <see cref="HttpClient"/> whose base address and credential are set.</summary>
    /// <param name="http">The HTTP client, as <c>AddOwlmetryIssuesClient</c> configures it.</param>
    public OwlmetryIssuesClient(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
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

        using var response = await SendCheckedAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        return await ReadJsonAsync<T>(response, ct).ConfigureAwait(false);
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken ct) =>
        await response.Content.ReadFromJsonAsync<T>(s_json, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered JSON null.");

    /// <summary>Sends a request and throws the server's refusal; the caller disposes the response.</summary>
    private async Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct)
    {
        var response = await _http.SendAsync(request, completion, ct).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var error = await ReadErrorAsync(response, ct).ConfigureAwait(false);
            throw new OwlmetryApiException(response.StatusCode, error, request.Method.Method, request.RequestUri?.ToString() ?? string.Empty);
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

        return response.ReasonPhrase ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
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
            foreach (var item in page.Items)
            {
                yield return item;
            }

            cursor = page.HasMore ? page.Cursor : null;
        }
        while (cursor is not null);
    }

    private static string Id(Guid id) => id.ToString("D");
}
