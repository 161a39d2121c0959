using Microsoft.AspNetCore.Http.Metadata;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// What a client is told of a body over its route's limit, as ingest words its own. The limits are the routes'
/// <see cref="IRequestSizeLimitMetadata"/> (<c>RequestSizeLimitAttribute</c>), which routing applies to the server's
/// limit for the request and request decompression to the decoded bytes, so a small gzip body cannot inflate past it.
/// </summary>
internal static class BodyTooLarge
{
    /// <param name="route">The request's endpoint; an exception handler finds it in <c>IExceptionHandlerFeature</c>.</param>
    public static string Message(Endpoint? route) =>
        route?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } limit
            ? $"Body exceeds {limit} bytes"
            : "Body too large";
}
