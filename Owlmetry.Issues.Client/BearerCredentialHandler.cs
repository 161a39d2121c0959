using System.Net.Http.Headers;

namespace Owlmetry.Issues.Client;

/// <summary>
/// Adds the bearer credential, when there is one, to requests for the base address's origin, and to no others. The server hands out
/// absolute links built from the request it was sent (an upload URL, a signed download link); behind a proxy that
/// ends TLS they can come back as plain http, or name another host, and the credential must not follow them there.
/// A signed download link carries its own credential and gets none.
/// </summary>
internal sealed class BearerCredentialHandler(string? apiKey, Uri baseAddress) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<bool> s_signedLink = new("Owlmetry.Issues.Client.SignedLink");

    public static void MarkSignedLink(HttpRequestMessage request) => request.Options.Set(s_signedLink, true);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var signedLink = request.Options.TryGetValue(s_signedLink, out var marked) && marked;
        if (!string.IsNullOrEmpty(apiKey) && request.Headers.Authorization is null && !signedLink && request.RequestUri is { IsAbsoluteUri: true } uri && Origins.Same(uri, baseAddress))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
