using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Rollups;

/// <summary>
/// Recomputes what an issue derives from its occurrences: counts, first and last seen times, and the app and
/// SDK versions of the earliest and latest occurrence carrying one.
/// </summary>
internal static class IssueRollup
{
    /// <summary>
    /// Returns <paramref name="issue"/> with its roll-ups recomputed from <paramref name="occurrences"/>, which
    /// must be all of its occurrences. With none, the seen times are kept.
    /// </summary>
    public static Issue Recompute(Issue issue, IReadOnlyCollection<IssueOccurrence> occurrences) =>
        Apply(issue, OccurrenceSummary.Of(occurrences));

    /// <summary>
    /// Returns <paramref name="issue"/> with its roll-ups taken from <paramref name="summary"/>, the summary of all
    /// of its occurrences. With none, the seen times are kept.
    /// </summary>
    public static Issue Apply(Issue issue, OccurrenceSummary summary)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.Count == 0)
        {
            return issue with
            {
                OccurrenceCount = 0, UniqueUserCount = 0,
                FirstSeenAppVersion = null, LastSeenAppVersion = null, FirstSeenSdkVersion = null, LastSeenSdkVersion = null,
            };
        }

        var chronological = summary.Edges.OrderBy(KeysetKey.Of).ToList();
        return issue with
        {
            OccurrenceCount = summary.Count,
            UniqueUserCount = summary.UniqueUserCount,
            FirstSeenAt = chronological[0].Timestamp,
            LastSeenAt = chronological[^1].Timestamp,
            FirstSeenAppVersion = chronological.Select(o => o.AppVersion).FirstOrDefault(OccurrenceSummary.CarriesVersion),
            LastSeenAppVersion = chronological.Select(o => o.AppVersion).LastOrDefault(OccurrenceSummary.CarriesVersion),
            FirstSeenSdkVersion = chronological.Select(o => o.SdkVersion).FirstOrDefault(OccurrenceSummary.CarriesVersion),
            LastSeenSdkVersion = chronological.Select(o => o.SdkVersion).LastOrDefault(OccurrenceSummary.CarriesVersion),
        };
    }

    /// <summary>
    /// Adds one new occurrence to the roll-ups without reading the others: exact whenever occurrences carry
    /// versions (what SDKs send); a version-less occurrence never displaces a known first or last version.
    /// </summary>
    /// <param name="issue">The issue before the occurrence.</param>
    /// <param name="occurrence">The new occurrence.</param>
    /// <param name="isNewUser">Whether the occurrence's user had no occurrence of the issue yet.</param>
    public static Issue Add(Issue issue, IssueOccurrence occurrence, bool isNewUser)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(occurrence);
        var users = issue.UniqueUserCount + (isNewUser ? 1 : 0);
        var at = occurrence.Timestamp;
        if (issue.OccurrenceCount == 0)
        {
            var appVersion = VersionOrNull(occurrence.AppVersion);
            var sdkVersion = VersionOrNull(occurrence.SdkVersion);
            return issue with
            {
                OccurrenceCount = 1, UniqueUserCount = users, FirstSeenAt = at, LastSeenAt = at,
                FirstSeenAppVersion = appVersion, LastSeenAppVersion = appVersion,
                FirstSeenSdkVersion = sdkVersion, LastSeenSdkVersion = sdkVersion,
            };
        }

        var earliest = at < issue.FirstSeenAt;
        var latest = at >= issue.LastSeenAt;
        return issue with
        {
            OccurrenceCount = issue.OccurrenceCount + 1,
            UniqueUserCount = users,
            FirstSeenAt = earliest ? at : issue.FirstSeenAt,
            LastSeenAt = latest ? at : issue.LastSeenAt,
            FirstSeenAppVersion = Pick(issue.FirstSeenAppVersion, occurrence.AppVersion, earliest),
            LastSeenAppVersion = Pick(issue.LastSeenAppVersion, occurrence.AppVersion, latest),
            FirstSeenSdkVersion = Pick(issue.FirstSeenSdkVersion, occurrence.SdkVersion, earliest),
            LastSeenSdkVersion = Pick(issue.LastSeenSdkVersion, occurrence.SdkVersion, latest),
        };
    }

    // A blank version is no version, as Apply reads them.
    private static string? VersionOrNull(string? version) => OccurrenceSummary.CarriesVersion(version) ? version : null;

    private static string? Pick(string? current, string? candidate, bool candidateIsOutermost) =>
        OccurrenceSummary.CarriesVersion(candidate) && (candidateIsOutermost || !OccurrenceSummary.CarriesVersion(current)) ? candidate : current;
}
