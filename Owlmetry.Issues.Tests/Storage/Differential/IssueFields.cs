using System.Globalization;
using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>Every field of an issue a client can observe, except its random id, as named values.</summary>
internal static class IssueFields
{
    public static IReadOnlyList<(string Name, string Value)> Of(Issue issue) =>
    [
        ("status", issue.Status.ToWireName()),
        ("title", StateText.Text(issue.Title)),
        ("source_module", StateText.Text(issue.SourceModule)),
        ("occurrence_count", issue.OccurrenceCount.ToString(CultureInfo.InvariantCulture)),
        ("unique_user_count", issue.UniqueUserCount.ToString(CultureInfo.InvariantCulture)),
        ("resolved_at_version", StateText.Text(issue.ResolvedAtVersion)),
        ("first_seen_at", StateText.Time(issue.FirstSeenAt)),
        ("last_seen_at", StateText.Time(issue.LastSeenAt)),
        ("first_seen_app_version", StateText.Text(issue.FirstSeenAppVersion)),
        ("last_seen_app_version", StateText.Text(issue.LastSeenAppVersion)),
        ("first_seen_sdk_version", StateText.Text(issue.FirstSeenSdkVersion)),
        ("last_seen_sdk_version", StateText.Text(issue.LastSeenSdkVersion)),
        ("snoozed_at", StateText.Time(issue.SnoozedAt)),
        ("last_notified_at", StateText.Time(issue.LastNotifiedAt)),
        ("created_at", StateText.Time(issue.CreatedAt)),
        ("updated_at", StateText.Time(issue.UpdatedAt)),
        ("fingerprints", string.Join(", ", issue.Fingerprints.Select(EventPool.FingerprintLabel))),
    ];

    /// <summary>The issue on one line, for a command's outcome.</summary>
    public static string Summary(Issue issue) =>
        $"{IssueKey.Of(issue)} {{{string.Join(", ", Of(issue).Select(f => $"{f.Name}={f.Value}"))}}}";
}
