using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// Every error is an RFC 9457 problem whose <c>error</c> member carries the Owlmetry message, so clients that
/// read <c>.error</c> work against the framework's own failures too.
/// </summary>
public static class ErrorResponses
{
    /// <summary>The extension member that carries the Owlmetry message.</summary>
    public const string ErrorMember = "error";

    /// <summary>
    /// The extension member of a refusal's machine-readable code (<see cref="IssueError.Code"/>), present only on the
    /// refusals that have one, e.g. attachment ingest's <c>quota_exhausted</c>.
    /// </summary>
    public const string CodeMember = "code";

    /// <summary>The extension member that repeats the message beside <see cref="CodeMember"/>, as the reference's rejections carry it.</summary>
    public const string MessageMember = "message";

    /// <summary>
    /// A problem with <paramref name="message"/> as its detail and <c>error</c>, for failures that are no library
    /// result: the framework's, a rate limiter's, an authentication handler's. Endpoints map results with
    /// <see cref="IssueResultHttpMapper"/> instead.
    /// </summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="message">The message clients read.</param>
    /// <returns>The problem result.</returns>
    public static ProblemHttpResult Problem(int statusCode, string message) =>
        TypedResults.Problem(detail: message, statusCode: statusCode, extensions: new Dictionary<string, object?> { [ErrorMember] = message });

    /// <summary>Writes <paramref name="error"/> as its problem outside an endpoint (an exception handler, a middleware).</summary>
    /// <param name="context">The request whose response to write.</param>
    /// <param name="error">The refusal, mapped by <see cref="IssueResultHttpMapper"/>.</param>
    /// <returns>The write.</returns>
    public static Task WriteAsync(HttpContext context, IssueError error) => error.ToProblem().ExecuteAsync(context);

    /// <summary>
    /// The status code page of a bodiless error (no route, wrong method…) as a problem with <c>error</c>, whatever the
    /// request's <c>Accept</c> says: the default page falls back to plain text for a client that does not accept JSON.
    /// </summary>
    /// <param name="context">The status code page's context.</param>
    /// <returns>The write.</returns>
    public static Task WriteStatusCodePageAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.HttpContext.Response.StatusCode;
        var message = status == StatusCodes.Status413PayloadTooLarge ? BodyTooLarge.Message(context.HttpContext.GetEndpoint()) : ReasonPhrases.GetReasonPhrase(status);
        var extensions = new Dictionary<string, object?> { [ErrorMember] = message };
        return TypedResults.Problem(statusCode: status, extensions: extensions).ExecuteAsync(context.HttpContext);
    }

    /// <summary>Gives problems made elsewhere (status code pages, the framework) their <c>error</c> member.</summary>
    /// <param name="context">The problem being written.</param>
    public static void AddErrorMember(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        problem.Extensions.TryAdd(ErrorMember, problem.Detail ?? problem.Title ?? "Error");
    }
}
