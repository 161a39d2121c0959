using LiteDB;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

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
        // Counted from each document's group, which its key starts with, mapped to the issue that owns the group now;
        // the sessions merges excluded do not count.
        var counts = new Dictionary<Guid, int>();
        foreach (var (group, session) in Collections.Occurrences.Query().Select(occurrence => new { occurrence.Key, occurrence.SessionId }).ToEnumerable()
            .Select(row => (OccurrenceKeys.GroupOf(row.Key), row.SessionId)))
        {
            if (!Groups.ExcludedFrom(group).Contains(session))
            {
                var issueId = Groups.OwnerOf(group);
                counts[issueId] = counts.GetValueOrDefault(issueId) + 1;
            }
        }

        return counts;
    }
}
