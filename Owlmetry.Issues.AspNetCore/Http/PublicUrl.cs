using Microsoft.AspNetCore.Http.Extensions;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>Absolute URLs on this server, as the caller reached it (scheme, host and path base of the request).</summary>
internal static class PublicUrl
{
    public static string To(HttpRequest request, string path, QueryString query = default) =>
        UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, path, query);
}
