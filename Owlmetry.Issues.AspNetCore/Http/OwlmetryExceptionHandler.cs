using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Mcp;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// The safety net of the API's endpoints (<see cref="IssuesApiScope"/>): bad requests the framework detects become 4xx
/// with a clear message; anything else is a bug, logged and answered 500. The host's own endpoints are left to the
/// host's handlers, wherever they are registered; a host adds handlers for its own exceptions in the API ahead of this one.
/// </summary>
internal sealed partial class OwlmetryExceptionHandler(ILogger<OwlmetryExceptionHandler> logger) : IExceptionHandler
{
    private const string JsonContentTypeMessage = "The body must be JSON: send Content-Type application/json";
    private const string InvalidHostMessage = "Invalid Host header";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IssuesApiScope.Covers(httpContext))
        {
            return false;
        }

        var (status, message) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => (StatusCodes.Status400BadRequest, DescribeJsonError(json)),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, BodyTooLarge.Message(httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint)),
            BadHttpRequestException bad => (bad.StatusCode, bad.Message),
            InvalidContentEncodingException => (StatusCodes.Status400BadRequest, exception.Message),
            UnsupportedContentEncodingException => (StatusCodes.Status415UnsupportedMediaType, exception.Message),

            // JSON binding refuses a charset it has no encoding for with this exception, before reading the body.
            InvalidOperationException when RequestCharset.IsUnknown(httpContext.Request) => (StatusCodes.Status415UnsupportedMediaType, RequestCharset.UnsupportedMessage),

            // Endpoints that read their JSON body themselves (the MCP endpoint) get this exception from ReadFromJsonAsync
            // for a body that does not say it is JSON; minimal API bodies are refused with a 415 before they run. Only
            // that method's refusal: any other InvalidOperationException stays a 500, a bug to see.
            InvalidOperationException when IsJsonContentTypeRefusal(exception, httpContext.Request) => (StatusCodes.Status415UnsupportedMediaType, JsonContentTypeMessage),
            JsonException json when IsMcp(httpContext) => (StatusCodes.Status400BadRequest, DescribeJsonError(json)),
            UnauthenticatedException => (StatusCodes.Status401Unauthorized, exception.Message),

            // The server accepts a Host header of valid characters; the framework's HttpRequest.Host then decodes its
            // punycode and throws on a malformed label (xn--), wherever it is read (the OpenAPI document's server URL).
            ArgumentException when !HasDecodableHost(httpContext.Request) => (StatusCodes.Status400BadRequest, InvalidHostMessage),
            _ => (StatusCodes.Status500InternalServerError, "Internal server error"),
        };
        if (status == StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        await ErrorResponses.Problem(status, message).ExecuteAsync(httpContext);
        return true;
    }

    private static bool IsMcp(HttpContext httpContext) =>
        httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<McpEndpointMetadata>() is not null;

    private static bool HasDecodableHost(HttpRequest request)
    {
        try
        {
            _ = request.Host;
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsJsonContentTypeRefusal(Exception exception, HttpRequest request) =>
        exception.TargetSite?.DeclaringType == typeof(HttpRequestJsonExtensions) && !request.HasJsonContentType();

    private static string DescribeJsonError(JsonException json)
    {
        var refused = json as RefusedJsonTextException;
        var path = refused?.Member is { } member ? $"{json.Path ?? "$"}.{member}" : json.Path;
        var where = path is { Length: > 1 } ? $"Invalid JSON body at {path}" : "Invalid JSON body";
        return refused is null ? where : $"{where}: {refused.Reason}";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string path, Exception exception);
}
