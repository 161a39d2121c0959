using System.Globalization;
using System.Text;

namespace Owlmetry.Issues.Errors;

/// <summary>An expected failure, returned as a value: its kind and the message shown to API clients.</summary>
/// <param name="Kind">What went wrong, for mapping to a status code.</param>
/// <param name="Message">A human readable message, e.g. <c>Issue not found</c>.</param>
public sealed record IssueError(IssueErrorKind Kind, string Message)
{
    /// <summary>
    /// A machine-readable code for clients that act on the kind of refusal rather than on its text, or null when the
    /// kind and message are all there is. Attachment ingest refusals carry the Owlmetry reference's codes:
    /// <c>invalid_request</c>, <c>disallowed_content_type</c>, <c>quota_exhausted</c>, <c>user_quota_exhausted</c>,
    /// <c>size_mismatch</c>, <c>hash_mismatch</c> and <c>already_uploaded</c>.
    /// </summary>
    public string? Code { get; init; }

    /// <summary>
    /// Numbers that go with the refusal, by name, or null when it has none: an exhausted quota carries its limit and
    /// usage in bytes (<c>quota_bytes</c> and <c>used_bytes</c>, or <c>user_quota_bytes</c> and <c>user_used_bytes</c>).
    /// </summary>
    public IReadOnlyDictionary<string, long>? Figures { get; init; }

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

    /// <summary>Whether <paramref name="other"/> has the same kind, message, code and figures (compared by name and value).</summary>
    /// <param name="other">The error to compare with.</param>
    /// <returns>True when they are the same refusal.</returns>
    public bool Equals(IssueError? other) =>
        other is not null && Kind == other.Kind && Message == other.Message && Code == other.Code && SameFigures(Figures, other.Figures);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Message, Code, Figures?.Count ?? 0);

    private static bool SameFigures(IReadOnlyDictionary<string, long>? a, IReadOnlyDictionary<string, long>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a is null || a.All(f => b!.TryGetValue(f.Key, out var value) && value == f.Value));

    // The figures by name and value, so that a test comparing two errors shows which figure differs.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Kind = {Kind}, Message = {Message}");
        if (Code is not null)
        {
            builder.Append(CultureInfo.InvariantCulture, $", Code = {Code}");
        }

        foreach (var (name, value) in Figures ?? Enumerable.Empty<KeyValuePair<string, long>>())
        {
            builder.Append(CultureInfo.InvariantCulture, $", {name} = {value}");
        }

        return true;
    }
}
