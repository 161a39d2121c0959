using LiteDB;
using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Storage.LiteDb.Documents;

namespace Owlmetry.Issues.Storage.LiteDb.Schema;

internal static partial class LiteDbSchema
{
    /// <summary>
    /// Re-points fingerprint aliases left on an issue that a merge deleted. Before merges moved every alias of the
    /// source (not only those its own hashes make), an alias the source had absorbed from an earlier merge stayed on
    /// it, and the scan would route that fingerprint's events to an issue that no longer exists. The audit trail
    /// names the survivor of every merge, so such an alias follows its chain of merges to the issue that absorbed
    /// it; an alias whose issue is gone without a merge on record is deleted, and the next event of that fingerprint
    /// opens a new issue. Rows are read as plain documents, so the step keeps its meaning when the classes change.
    /// </summary>
    private static void RepointDanglingAliases(LiteDatabase database)
    {
        var issues = database.GetCollection(CollectionNames.Issues);
        var fingerprints = database.GetCollection(CollectionNames.Fingerprints);
        var survivorOf = database.GetCollection(CollectionNames.Audit)
            .Find(Query.EQ(nameof(AuditDocument.Action), AuditActions.Merged))
            .Where(record => record[nameof(AuditDocument.MergedIssueId)].IsGuid)
            .GroupBy(record => record[nameof(AuditDocument.MergedIssueId)].AsGuid)
            .ToDictionary(merges => merges.Key, merges => merges.Last()[nameof(AuditDocument.IssueId)].AsGuid);

        foreach (var alias in fingerprints.FindAll().ToList())
        {
            var issueId = alias[nameof(FingerprintDocument.IssueId)].AsGuid;
            if (issues.FindById(issueId) is not null)
            {
                continue;
            }

            if (Survivor(issueId, survivorOf, issues) is { } survivor)
            {
                alias[nameof(FingerprintDocument.IssueId)] = survivor;
                fingerprints.Update(alias);
            }
            else
            {
                fingerprints.Delete(alias["_id"]);
            }
        }
    }

    private static Guid? Survivor(Guid issueId, Dictionary<Guid, Guid> survivorOf, ILiteCollection<BsonDocument> issues)
    {
        // A chain has at most one hop per recorded merge; the bound also ends a cycle in a damaged trail.
        for (var hops = 0; hops < survivorOf.Count && survivorOf.TryGetValue(issueId, out var next); hops++)
        {
            issueId = next;
            if (issues.FindById(issueId) is not null)
            {
                return issueId;
            }
        }

        return null;
    }
}
