using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Notifications;

/// <summary>How often a project's digest may go out (<c>issue_alert_frequency</c>).</summary>
public enum IssueAlertFrequency
{
    /// <summary>No digest.</summary>
    None,

    /// <summary>At most once an hour.</summary>
    Hourly,

    /// <summary>At most once every six hours.</summary>
    [JsonStringEnumMemberName("6_hourly")]
    SixHourly,

    /// <summary>At most once a day: the default.</summary>
    Daily,

    /// <summary>At most once a week.</summary>
    Weekly,
}
