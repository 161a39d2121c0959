namespace Owlmetry.Issues;

/// <summary>
/// Recomputes what an issue derives from its occurrences: counts, first and last seen times, and the app and
/// SDK versions of the earliest and latest occurrence carrying one.
/// </summary>
public static class IssueRollup
{
    /// <summary>
    /// Returns <paramref name="issue"/> with its roll-ups recomputed from <paramref name="occurrences"/>, which
    /// must be all of its occurrences. With none, the seen times are kept.
    /// </summary>
    public static Issue Recompute(Issue issue, IReadOnlyCollection<IssueOccurrence> occurrences)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(occurrences);
        if (occurrences.Count == 0)
        {
            return issue with
            {
                OccurrenceCount = 0, UniqueUserCount = 0,
                FirstSeenAppVersion = null, LastSeenAppVersion = null, FirstSeenSdkVersion = null, LastSeenSdkVersion = null,
            };
        }

        var chronological = occurrences.OrderBy(KeysetKey.Of).ToList();
        return issue with
        {
            OccurrenceCount = occurrences.Count,
            UniqueUserCount = occurrences.Select(o => o.UserId).OfType<string>().Distinct(StringComparer.Ordinal).Count(),
            FirstSeenAt = chronological[0].Timestamp,
            LastSeenAt = chronological[^1].Timestamp,
            FirstSeenAppVersion = chronological.Select(o => o.AppVersion).FirstOrDefault(HasValue),
            LastSeenAppVersion = chronological.Select(o => o.AppVersion).LastOrDefault(HasValue),
            FirstSeenSdkVersion = chronological.Select(o => o.SdkVersion).FirstOrDefault(HasValue),
            LastSeenSdkVersion = chronological.Select(o => o.SdkVersion).LastOrDefault(HasValue),
        };
    }

    private static bool HasValue(string? version) => !string.IsNullOrWhiteSpace(version);
}
