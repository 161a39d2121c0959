using LiteDB;

namespace Owlmetry.Issues.Storage.LiteDb;

internal partial class LiteDbIssueStoreReader
{
    public IReadOnlyDictionary<FingerprintKey, Guid> ListFingerprints(Guid appId)
    {
        // An alias's id starts with its app: the app's aliases are one primary-key range.
        var prefix = StorageKeys.FingerprintsOfApp(appId);
        return Collections.Fingerprints.Find(Query.Between("_id", prefix, prefix + StorageKeys.RangeEnd))
            .ToDictionary(alias => new FingerprintKey(alias.Hash, alias.AppId, alias.IsDev), alias => alias.IssueId);
    }

    public IReadOnlyDictionary<Guid, int> CountOccurrencesByIssue()
    {
        // Counted by each document's IssueId field, not by its key prefix: a move that rewrote one but not the
        // other shows up as a difference from GetAllOccurrences, which walks the key prefix.
        var counts = new Dictionary<Guid, int>();
        foreach (var issueId in Collections.Occurrences.Query().Select(occurrence => occurrence.IssueId).ToEnumerable())
        {
            counts[issueId] = counts.GetValueOrDefault(issueId) + 1;
        }

        return counts;
    }
}
