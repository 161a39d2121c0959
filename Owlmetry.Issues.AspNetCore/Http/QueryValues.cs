using System.Globalization;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// Query-string values read as the Issues API reads them, for a host's own routes beside it: a limit and an id, taken
/// as text so that a bad value gets the API's own 400 rather than the framework's.
/// </summary>
public static class QueryValues
{
    /// <summary>A limit; a non-numeric limit falls back to the default (null), as the reference does.</summary>
    /// <returns>The number, or null when <paramref name="limit"/> is absent or not a number.</returns>
    public static int? ParseLimit(string? limit) =>
        int.TryParse(limit, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>An optional id named <paramref name="name"/> in error messages.</summary>
    /// <returns>The id, null when <paramref name="value"/> is absent, or an invalid-input error when it is no UUID.</returns>
    public static IssueResult<Guid?> ParseGuid(string? value, string name) =>
        string.IsNullOrEmpty(value) ? IssueResult<Guid?>.Success(null)
        : Guid.TryParse(value, out var id) ? IssueResult<Guid?>.Success(id)
        : IssueError.Invalid($"{name} must be a UUID");
}
