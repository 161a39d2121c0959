namespace Owlmetry.Issues.Notifications;

/// <summary>A project's digest frequency when it set none, and the period each frequency stands for.</summary>
internal static class IssueAlertFrequencyRules
{
    /// <summary>The frequency of a project that set none.</summary>
    public const IssueAlertFrequency Default = IssueAlertFrequency.Daily;

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
