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
        var tally = new Tally();
        foreach (var occurrence in occurrences)
        {
            tally.Add(occurrence.AppVersion, occurrence.Environment, occurrence.CountryCode);
        }

        return tally.ToSplits();
    }

    /// <summary>Counts the values of occurrences one at a time, for a store that streams them instead of loading them.</summary>
    internal sealed class Tally
    {
        private readonly Field _appVersions = new();
        private readonly Field _environments = new();
        private readonly Field _countries = new();

        public void Add(string? appVersion, string? environment, string? countryCode)
        {
            _appVersions.Add(appVersion);
            _environments.Add(environment);
            _countries.Add(countryCode);
        }

        public OccurrenceSplits ToSplits() => new(_appVersions.Counts(), _environments.Counts(), _countries.Counts());

        private sealed class Field
        {
            private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
            private int _nulls;

            public void Add(string? value)
            {
                if (value is null)
                {
                    _nulls++;
                }
                else
                {
                    _counts[value] = _counts.GetValueOrDefault(value) + 1;
                }
            }

            public List<ValueCount> Counts() =>
                [.. _counts.Select(c => new ValueCount(c.Key, c.Value)), .. _nulls > 0 ? [new ValueCount(null, _nulls)] : Array.Empty<ValueCount>()];
        }
    }
}
