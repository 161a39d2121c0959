namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>The one place where the library's result kinds become HTTP status codes.</summary>
public static class IssueResultHttpMapper
{
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

    public static IResult ToProblem(this IssueError error) => ErrorResponses.Problem(StatusCodeOf(error.Kind), error.Message);

    /// <summary>200 with the mapped value, or the error's problem.</summary>
    public static IResult ToHttp<T, TResponse>(this IssueResult<T> result, Func<T, TResponse> map) =>
        result.IsSuccess ? TypedResults.Ok(map(result.Value)) : result.Error.ToProblem();

    /// <summary>201 with the mapped value and its location, or the error's problem.</summary>
    public static IResult ToCreated<T, TResponse>(this IssueResult<T> result, Func<T, string> location, Func<T, TResponse> map) =>
        result.IsSuccess ? TypedResults.Created(location(result.Value), map(result.Value)) : result.Error.ToProblem();
}
