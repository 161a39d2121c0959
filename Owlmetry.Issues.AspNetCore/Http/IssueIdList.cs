using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>A comma-separated list of issue ids in a query string, e.g. <c>ids=a,b,c</c>.</summary>
internal static class IssueIdList
{
    public static IssueResult<IReadOnlyList<Guid>> Parse(string? text, string name)
    {
        var parts = (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return IssueError.Invalid($"{name} is required: issue ids separated by commas");
        }

        var ids = new List<Guid>(parts.Length);
        foreach (var part in parts)
        {
            if (!Guid.TryParse(part, out var id))
            {
                return IssueError.Invalid($"{name} must be UUIDs separated by commas");
            }

            ids.Add(id);
        }

        return ids;
    }
}
