using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Querying;

namespace Owlmetry.Issues.Storage;

/// <summary>
/// How an issue's occurrences split by app version, environment and country: how many carry each value (null: none
/// given), in no particular order. A store counts them without handing every occurrence over where it can.
/// </summary>
/// <param name="ByAppVersion">Occurrences per app version.</param>
/// <param name="ByEnvironment">Occurrences per environment.</param>
/// <param name="ByCountry">Occurrences per country code.</param>
public sealed record OccurrenceSplits(IReadOnlyList<ValueCount> ByAppVersion, IReadOnlyList<ValueCount> ByEnvironment, IReadOnlyList<ValueCount> ByCountry)
{
    /// <summary>The splits of exactly <paramref name="occurrences"/>, for a store that holds them in memory.</summary>
    public static OccurrenceSplits Of(IReadOnlyCollection<IssueOccurrence> occurrences)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        return new OccurrenceSplits(Count(occurrences, o => o.AppVersion), Count(occurrences, o => o.Environment), Count(occurrences, o => o.CountryCode));
    }

    private static List<ValueCount> Count(IEnumerable<IssueOccurrence> occurrences, Func<IssueOccurrence, string?> field) =>
        [.. occurrences.GroupBy(field, StringComparer.Ordinal).Select(g => new ValueCount(g.Key, g.Count()))];
}
