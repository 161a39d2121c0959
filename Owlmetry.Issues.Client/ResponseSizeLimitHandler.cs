namespace Owlmetry.Issues.Client;

/// <summary>
/// Reads each answer whole, up to <see cref="OwlmetryIssuesClientOptions.MaxResponseSize"/>, before the client parses
/// it: a server or a proxy that sends a huge or endless body is stopped at the bound instead of being buffered up to
/// HttpClient's 2 GiB. Read here, inside the handler chain, the body stays under HttpClient's <c>Timeout</c>, which
/// stops at the headers for a read after them. A download's successful answer (<see cref="MarkStreamed"/>) is passed
/// on unread, for its bytes to be streamed to their destination whatever their size.
/// </summary>
internal sealed class ResponseSizeLimitHandler(long maxResponseSize) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<bool> s_streamed = new("Owlmetry.Issues.Client.Streamed");

    public static void MarkStreamed(HttpRequestMessage request) => request.Options.Set(s_streamed, true);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode && request.Options.TryGetValue(s_streamed, out var streamed) && streamed)
        {
            return response;
        }

        try
        {
            // Refuses a Content-Length over the bound before reading the body, and a body of unknown length at the
            // first read that passes it.
            await response.Content.LoadIntoBufferAsync(maxResponseSize, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (Exception e)
        {
            response.Dispose();
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded })
            {
                throw OwlmetryIssuesClient.NotTheApi(
                    OwlmetryIssuesClient.Route(request), $"more than {maxResponseSize} bytes, the client's MaxResponseSize", e);
            }

            throw;
        }
    }
}
