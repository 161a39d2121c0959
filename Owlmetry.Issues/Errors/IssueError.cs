namespace Owlmetry.Issues.Errors;

/// <summary>An expected failure, returned as a value: its kind and the message shown to API clients.</summary>
/// <param name="Kind">What went wrong, for mapping to a status code.</param>
/// <param name="Message">A human readable message, e.g. <c>Issue not found</c>.</param>
public sealed record IssueError(IssueErrorKind Kind, string Message)
{
    /// <summary>A 400-class error.</summary>
    public static IssueError Invalid(string message) => new(IssueErrorKind.Invalid, message);

    /// <summary>A 403-class error.</summary>
    public static IssueError Forbidden(string message) => new(IssueErrorKind.Forbidden, message);

    /// <summary>A 404-class error.</summary>
    public static IssueError NotFound(string message) => new(IssueErrorKind.NotFound, message);

    /// <summary>A 409-class error.</summary>
    public static IssueError Conflict(string message) => new(IssueErrorKind.Conflict, message);

    /// <summary>A 401-class error: the credentials were refused.</summary>
    public static IssueError Unauthenticated(string message) => new(IssueErrorKind.Unauthenticated, message);

    /// <summary>A 413-class error.</summary>
    public static IssueError TooLarge(string message) => new(IssueErrorKind.TooLarge, message);

    /// <summary>A 415-class error.</summary>
    public static IssueError UnsupportedType(string message) => new(IssueErrorKind.UnsupportedType, message);

    /// <summary>A 410-class error.</summary>
    public static IssueError Gone(string message) => new(IssueErrorKind.Gone, message);

    /// <summary>The actor's key lacks <paramref name="permission"/>.</summary>
    public static IssueError MissingPermission(string permission) => Forbidden($"Missing permission: {permission}");
}
