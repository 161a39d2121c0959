using System.Diagnostics.CodeAnalysis;

namespace Owlmetry.Issues;

/// <summary>Converts <see cref="IssueStatus"/> to and from its wire name (<c>new</c>, <c>in_progress</c>, …).</summary>
public static class IssueStatusNames
{
    private static readonly string[] s_names = ["new", "in_progress", "resolved", "silenced", "regressed", "snoozed"];

    /// <summary>Every wire name, in declaration order.</summary>
    public static IReadOnlyList<string> All => s_names;

    /// <summary>The wire name of <paramref name="status"/>.</summary>
    public static string ToWireName(this IssueStatus status) => s_names[(int)status];

    /// <summary>Parses a wire name exactly (case-sensitive, as the API is).</summary>
    /// <returns><see langword="true"/> when <paramref name="name"/> is one of <see cref="All"/>.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out IssueStatus status)
    {
        var index = Array.IndexOf(s_names, name);
        status = index < 0 ? default : (IssueStatus)index;
        return index >= 0;
    }
}
