using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// Every error is an RFC 9457 problem whose <c>error</c> member carries the Owlmetry message, so clients that
/// read <c>.error</c> work against the framework's own failures too.
/// </summary>
public static class ErrorResponses
{
    public const string ErrorMember = "error";

    public static IResult Problem(int statusCode, string message) =>
        TypedResults.Problem(detail: message, statusCode: statusCode, extensions: new Dictionary<string, object?> { [ErrorMember] = message });

    public static Task WriteAsync(HttpContext context, int statusCode, string message) =>
        Problem(statusCode, message).ExecuteAsync(context);

    /// <summary>
    /// The status code page of a bodiless error (no route, wrong method…) as a problem with <c>error</c>, whatever the
    /// request's <c>Accept</c> says: the default page falls back to plain text for a client that does not accept JSON.
    /// </summary>
    public static Task WriteStatusCodePageAsync(StatusCodeContext context)
    {
        var status = context.HttpContext.Response.StatusCode;
        var extensions = new Dictionary<string, object?> { [ErrorMember] = ReasonPhrases.GetReasonPhrase(status) };
        return TypedResults.Problem(statusCode: status, extensions: extensions).ExecuteAsync(context.HttpContext);
    }

    /// <summary>Gives problems made elsewhere (status code pages, the framework) their <c>error</c> member.</summary>
    public static void AddErrorMember(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions.TryAdd(ErrorMember, problem.Detail ?? problem.Title ?? "Error");
    }
}
