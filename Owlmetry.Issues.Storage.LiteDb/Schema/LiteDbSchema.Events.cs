using LiteDB;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Schema;

internal static partial class LiteDbSchema
{
    private const int BackfillChunk = 1_000;

    /// <summary>
    /// Gives stored events their list key and indexes events by id and by list key, and gives the runs a team
    /// triggered their team key and indexes it. Events are read in chunks of the primary key, so that a file holding a
    /// whole retention window is not read into memory at once. Rows are read as plain documents, so that this step
    /// keeps meaning what it means when the document classes change later.
    /// </summary>
    private static void IndexEventsAndTeamRuns(LiteDatabase database)
    {
        var events = database.GetCollection(CollectionNames.Events);
        var last = 0L;
        while (events.Query().Where(Query.GT("_id", last)).OrderBy("_id").Limit(BackfillChunk).ToList() is { Count: > 0 } chunk)
        {
            foreach (var document in chunk)
            {
                var key = new KeysetKey(document[nameof(EventDocument.Timestamp)].AsInt64, document[nameof(EventDocument.EventId)].AsGuid);
                document[nameof(EventDocument.ListKey)] = StorageKeys.EventRow(
                    document[nameof(EventDocument.ProjectId)].AsGuid, document[nameof(EventDocument.IsDev)].AsBoolean, key);
                events.Update(document);
            }

            last = chunk[^1]["_id"].AsInt64;
        }

        events.EnsureIndex(IndexNames.EventsId, $"$.{nameof(EventDocument.EventId)}", unique: true);
        events.EnsureIndex(IndexNames.EventsList, $"$.{nameof(EventDocument.ListKey)}", unique: true);

        var runs = database.GetCollection(CollectionNames.ScanRuns);
        foreach (var run in runs.Find(Query.Not(nameof(ScanRunDocument.TriggeredByTeamId), BsonValue.Null)).ToList())
        {
            var key = new KeysetKey(run[nameof(ScanRunDocument.StartedAt)].AsInt64, run["_id"].AsGuid);
            run[nameof(ScanRunDocument.TeamKey)] = StorageKeys.TeamRow(run[nameof(ScanRunDocument.TriggeredByTeamId)].AsGuid, key);
            runs.Update(run);
        }

        // Not unique: every background run has a null key.
        runs.EnsureIndex(IndexNames.ScanRunsTeam, $"$.{nameof(ScanRunDocument.TeamKey)}", unique: false);
    }
}
