using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// The one place where the library's results become HTTP: a value is 200 (or 201), an <see cref="IssueError"/> is
/// the problem of its kind's status code. Endpoints return what these methods make and never choose a status.
/// </summary>
public static class IssueResultHttpMapper
{
    /// <summary>The status code of an error kind.</summary>
    /// <param name="kind">The kind of failure.</param>
    /// <returns>A 4xx status code; 500 for a kind this version does not know.</returns>
    public static int StatusCodeOf(IssueErrorKind kind) => kind switch
    {
        IssueErrorKind.Invalid => StatusCodes.Status400BadRequest,
        IssueErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        IssueErrorKind.NotFound => StatusCodes.Status404NotFound,
        IssueErrorKind.Conflict => StatusCodes.Status409Conflict,
        IssueErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        IssueErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        IssueErrorKind.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        IssueErrorKind.Gone => StatusCodes.Status410Gone,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// The RFC 9457 problem of <paramref name="error"/>, with the message as <c>detail</c> and <c>error</c>. An error with
    /// a code also carries <c>code</c> and <c>message</c> (the same text), and its figures as members of their own, in
    /// the shape of the reference's attachment rejections: <c>{"code": "quota_exhausted", "message": …, "quota_bytes": …}</c>.
    /// </summary>
    /// <param name="error">The refusal.</param>
    /// <returns>The problem result.</returns>
    public static ProblemHttpResult ToProblem(this IssueError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var extensions = new Dictionary<string, object?> { [ErrorResponses.ErrorMember] = error.Message };
        if (error.Code is { } code)
        {
            extensions[ErrorResponses.CodeMember] = code;
            extensions[ErrorResponses.MessageMember] = error.Message;
        }

        foreach (var (name, value) in error.Figures ?? new Dictionary<string, long>())
        {
            extensions[name] = value;
        }

        return TypedResults.Problem(detail: error.Message, statusCode: StatusCodeOf(error.Kind), extensions: extensions);
    }

    /// <summary>200 with the mapped value, or the error's problem.</summary>
    /// <param name="result">The library's result.</param>
    /// <param name="map">Turns the value into its response body.</param>
    /// <returns>The typed result, whose success type the OpenAPI document shows.</returns>
    public static Results<Ok<TResponse>, ProblemHttpResult> ToHttp<T, TResponse>(this IssueResult<T> result, Func<T, TResponse> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return result.IsSuccess ? TypedResults.Ok(map(result.Value)) : result.Error.ToProblem();
    }

    /// <summary>201 with the mapped value and its location, or the error's problem.</summary>
    /// <param name="result">The library's result.</param>
    /// <param name="location">The URL of the created resource.</param>
    /// <param name="map">Turns the value into its response body.</param>
    /// <returns>The typed result, whose success type the OpenAPI document shows.</returns>
    public static Results<Created<TResponse>, ProblemHttpResult> ToCreated<T, TResponse>(
        this IssueResult<T> result, Func<T, string> location, Func<T, TResponse> map)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(map);
        return result.IsSuccess ? TypedResults.Created(location(result.Value), map(result.Value)) : result.Error.ToProblem();
    }
}
