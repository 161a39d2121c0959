using System.Globalization;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// Query-string values read as the Issues API reads them, for a host's own routes beside it: a limit and an id, taken
/// as text so that a bad value gets the API's own 400 rather than the framework's.
/// </summary>
public static class QueryValues
{
    /// <summary>
    /// A limit, read as the reference reads it (JavaScript's <c>parseInt</c>): the whole number its text starts with, after
    /// any spaces and a sign, so <c>1.5</c> is 1 and <c>10rows</c> is 10; a limit that starts with no digit falls back to
    /// the default (null). A number past <see cref="int"/>'s range stays at its end: the page size is clamped anyway.
    /// </summary>
    /// <returns>The number, or null when <paramref name="limit"/> is absent or does not start with a number.</returns>
    public static int? ParseLimit(string? limit)
    {
        var text = limit.AsSpan().TrimStart();
        var negative = text.StartsWith("-");
        if (negative || text.StartsWith("+"))
        {
            text = text[1..];
        }

        var digits = text.IndexOfAnyExceptInRange('0', '9') is var end and >= 0 ? text[..end] : text;
        if (digits.IsEmpty)
        {
            return null;
        }

        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? negative ? -value : value
            : negative ? int.MinValue : int.MaxValue;
    }

    /// <summary>An optional id named <paramref name="name"/> in error messages.</summary>
    /// <returns>The id, null when <paramref name="value"/> is absent, or an invalid-input error when it is no UUID.</returns>
    public static IssueResult<Guid?> ParseGuid(string? value, string name) =>
        string.IsNullOrEmpty(value) ? IssueResult<Guid?>.Success(null)
        : Guid.TryParse(value, out var id) ? IssueResult<Guid?>.Success(id)
        : IssueError.Invalid($"{name} must be a UUID");
}
