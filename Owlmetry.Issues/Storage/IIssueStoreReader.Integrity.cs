namespace Owlmetry.Issues.Storage;

/// <summary>
/// Whole-store reads that no API request makes: they find rows the other reads cannot reach (an alias or an
/// occurrence whose issue is gone), for integrity checks after a crash, repairs and exports.
/// </summary>
public partial interface IIssueStoreReader
{
    /// <summary>Every fingerprint alias of an app, dev and prod, with the id of the issue it points to (which may no longer exist).</summary>
    ValueTask<IReadOnlyDictionary<FingerprintKey, Guid>> ListFingerprintsAsync(Guid appId);

    /// <summary>
    /// How many stored occurrences name each issue id, counted from the occurrences themselves, including ids of
    /// issues that no longer exist; an id without occurrences is absent. Reads every occurrence of the store.
    /// </summary>
    ValueTask<IReadOnlyDictionary<Guid, int>> CountOccurrencesByIssueAsync();
}
