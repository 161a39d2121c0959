using System.Diagnostics.CodeAnalysis;

namespace Owlmetry.Issues;

/// <summary>Converts <see cref="IssueAlertFrequency"/> to and from its wire name, and gives its period.</summary>
public static class IssueAlertFrequencyNames
{
    private static readonly string[] s_names = ["none", "hourly", "6_hourly", "daily", "weekly"];

    /// <summary>The frequency of a project that set none.</summary>
    public const IssueAlertFrequency Default = IssueAlertFrequency.Daily;

    /// <summary>Every wire name, in declaration order.</summary>
    public static IReadOnlyList<string> All => s_names;

    /// <summary>The wire name of <paramref name="frequency"/>.</summary>
    public static string ToWireName(this IssueAlertFrequency frequency) => s_names[(int)frequency];

    /// <summary>Parses a wire name exactly.</summary>
    /// <returns><see langword="true"/> when <paramref name="name"/> is one of <see cref="All"/>.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out IssueAlertFrequency frequency)
    {
        var index = Array.IndexOf(s_names, name);
        frequency = index < 0 ? Default : (IssueAlertFrequency)index;
        return index >= 0;
    }

    /// <summary>The shortest time between two digests of a project, or null for <see cref="IssueAlertFrequency.None"/>.</summary>
    public static TimeSpan? Period(this IssueAlertFrequency frequency) => frequency switch
    {
        IssueAlertFrequency.Hourly => TimeSpan.FromHours(1),
        IssueAlertFrequency.SixHourly => TimeSpan.FromHours(6),
        IssueAlertFrequency.Daily => TimeSpan.FromDays(1),
        IssueAlertFrequency.Weekly => TimeSpan.FromDays(7),
        _ => null,
    };
}
