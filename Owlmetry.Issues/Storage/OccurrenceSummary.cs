using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Storage;

/// <summary>
/// What an issue's roll-ups derive from its occurrences, as a store can compute it without handing every
/// occurrence over: how many there are, how many distinct users they name, and the occurrences at their edges.
/// </summary>
/// <param name="Count">How many occurrences the issue has.</param>
/// <param name="UniqueUserCount">How many distinct non-null user ids they carry.</param>
/// <param name="Edges">
/// Occurrences that include, in (timestamp, id) order, the earliest and the latest, and the earliest and the latest
/// carrying an app version and an SDK version. Any superset serves, all the occurrences included.
/// </param>
public sealed record OccurrenceSummary(int Count, int UniqueUserCount, IReadOnlyList<IssueOccurrence> Edges)
{
    /// <summary>The summary of exactly <paramref name="occurrences"/>.</summary>
    public static OccurrenceSummary Of(IReadOnlyCollection<IssueOccurrence> occurrences)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        return new OccurrenceSummary(
            occurrences.Count,
            occurrences.Select(o => o.UserId).OfType<string>().Distinct(StringComparer.Ordinal).Count(),
            [.. occurrences]);
    }

    /// <summary>Whether an app or SDK version counts for the first and last seen versions: blank ones do not.</summary>
    public static bool CarriesVersion(string? version) => !string.IsNullOrWhiteSpace(version);
}
