namespace Owlmetry.Issues.Storage.InMemory;

internal partial class InMemoryIssueStoreReader
{
    public IReadOnlyDictionary<FingerprintKey, Guid> ListFingerprints(Guid appId) =>
        Data.Fingerprints.Where(alias => alias.Key.AppId == appId).ToDictionary();

    // Moves and deletes leave empty per-issue maps behind: an issue with no occurrence left is not listed.
    public IReadOnlyDictionary<Guid, int> CountOccurrencesByIssue() =>
        Data.Occurrences.Where(issue => issue.Value.Count > 0).ToDictionary(issue => issue.Key, issue => issue.Value.Count);
}
