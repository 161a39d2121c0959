using System.Diagnostics.CodeAnalysis;

namespace Owlmetry.Issues.Host.Directory;

public static class TeamRoleNames
{
    private static readonly string[] s_names = ["member", "admin", "owner"];

    public static IReadOnlyList<string> All { get; } = ["owner", "admin", "member"];

    public static string ToWireName(this TeamRole role) => s_names[(int)role];

    public static bool TryParse([NotNullWhen(true)] string? name, out TeamRole role)
    {
        var index = Array.IndexOf(s_names, name);
        role = index < 0 ? default : (TeamRole)index;
        return index >= 0;
    }
}
