using Microsoft.AspNetCore.Http.Extensions;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>Absolute URLs on this server, as the caller reached it (scheme, host and path base of the request).</summary>
internal static class PublicUrl
{
    // The Host header as sent, not HttpRequest.Host, which decodes punycode and throws on a malformed label (xn--):
    // the URL is written after the change it reports, which must not then fail.
    public static string To(HttpRequest request, string path, QueryString query = default) =>
        UriHelper.BuildAbsolute(request.Scheme, new HostString(request.Headers.Host.ToString()), request.PathBase, path, query);
}
