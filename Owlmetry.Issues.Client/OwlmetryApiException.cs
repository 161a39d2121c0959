using System.Net;

namespace Owlmetry.Issues.Client;

/// <summary>The server refused a request: its status code and the <c>error</c> text of its problem body.</summary>
public sealed class OwlmetryApiException : Exception
{
    /// <summary>Creates the exception of a refused request.</summary>
    /// <param name="statusCode">The response's status code.</param>
    /// <param name="error">The problem's <c>error</c> text, or the reason phrase when the body had none.</param>
    /// <param name="method">The request's method.</param>
    /// <param name="path">The request's path.</param>
    public OwlmetryApiException(HttpStatusCode statusCode, string error, string method, string path)
        : base($"{method} {path} answered {(int)statusCode}: {error}")
    {
        StatusCode = statusCode;
        Error = error;
    }

    /// <summary>The response's status code, e.g. 404 for an issue that is not there or not visible to the caller.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The server's message, e.g. <c>Issue not found</c>.</summary>
    public string Error { get; }

    /// <summary>
    /// How long the server asked the client to wait before asking again: its <c>Retry-After</c>, in seconds or until a
    /// date (zero for a date past); null when it did not say, or said something that is neither. A 429 or 503 asking
    /// for longer than <see cref="OwlmetryIssuesClientOptions.MaxRetryAfter"/> is thrown at once with it, for the caller
    /// to schedule the call.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }
}
