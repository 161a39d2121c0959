using System.Net;
using System.Text;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// A fake server on a client's primary handler: answers each request with a script and records its URL and credential.
/// For tests of the client against answers the real server does not give.
/// </summary>
internal sealed class ScriptedServer(Func<HttpRequestMessage, HttpResponseMessage> answer, bool hang = false) : HttpMessageHandler
{
    // A client that pages for ever fails the test instead of hanging it.
    private const int MaxRequests = 20;

    public List<(string Request, string? Authorization)> Seen { get; } = [];

    public static HttpResponseMessage Answer(HttpStatusCode status, string body, string contentType) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Seen.Add(($"{request.Method} {request.RequestUri}", request.Headers.Authorization?.ToString()));
        if (Seen.Count > MaxRequests)
        {
            throw new InvalidOperationException($"The client kept asking: {Seen.Count} requests");
        }

        if (hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return answer(request);
    }
}
