using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Rollups;

namespace Owlmetry.Issues.Storage;

/// <summary>Puts ready-made issues into any store, for tests, demos and imports.</summary>
internal static class IssueStoreSeedingExtensions
{
    /// <summary>
    /// Stores <paramref name="issue"/> with its fingerprints and <paramref name="occurrences"/> in one unit of
    /// work; counts, seen times and versions are recomputed from the occurrences when there are any.
    /// </summary>
    /// <returns>The issue as stored.</returns>
    public static Task<Issue> SeedIssueAsync(
        this IIssueStore store, Issue issue, IReadOnlyCollection<IssueOccurrence> occurrences, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(occurrences);
        var stored = occurrences.Count == 0 ? issue : IssueRollup.Recompute(issue, occurrences);
        return store.WriteAsync(
            async writer =>
            {
                await writer.InsertIssueAsync(stored).ConfigureAwait(false);
                foreach (var hash in stored.Fingerprints)
                {
                    await writer.AssignFingerprintAsync(new FingerprintKey(hash, stored.AppId, stored.IsDev), stored.Id).ConfigureAwait(false);
                }

                await writer.InsertOccurrencesAsync(occurrences.Select(occurrence => occurrence with { IssueId = stored.Id }).ToList()).ConfigureAwait(false);

                return stored;
            },
            ct);
    }
}
