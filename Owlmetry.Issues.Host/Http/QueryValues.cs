using System.Globalization;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Host.Http;

/// <summary>The directory routes' query values, read as the Issues API reads its own (Owlmetry.Issues.AspNetCore's QueryParser).</summary>
internal static class QueryValues
{
    /// <summary>A non-numeric limit falls back to the default, as the reference does.</summary>
    public static int? ParseLimit(string? limit) =>
        int.TryParse(limit, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static IssueResult<Guid?> ParseGuid(string? value, string name) =>
        string.IsNullOrEmpty(value) ? IssueResult<Guid?>.Success(null)
        : Guid.TryParse(value, out var id) ? IssueResult<Guid?>.Success(id)
        : IssueError.Invalid($"{name} must be a UUID");
}
