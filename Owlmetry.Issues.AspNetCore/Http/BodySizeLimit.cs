using Microsoft.AspNetCore.Http.Metadata;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// The most bytes a route's request body may hold, counted after request decompression: over it the read is refused
/// with 413, before the body is parsed. Routing applies it to the server's limit for the request, and request
/// decompression to the decoded bytes, so a small gzip body cannot inflate past it.
/// </summary>
internal sealed class BodySizeLimit(long maxBytes) : IRequestSizeLimitMetadata
{
    /// <summary>The limit of every JSON body but ingest's.</summary>
    public static BodySizeLimit Json { get; } = new(OwlmetryIssuesApiOptions.MaxJsonBodyBytes);

    public long? MaxRequestBodySize => maxBytes;

    /// <summary>What a client is told of a body over its route's limit, as ingest words its own.</summary>
    /// <param name="route">The request's endpoint; an exception handler finds it in <c>IExceptionHandlerFeature</c>.</param>
    public static string TooLargeMessage(Endpoint? route) =>
        route?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } limit
            ? $"Body exceeds {limit} bytes"
            : "Body too large";
}
