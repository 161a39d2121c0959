using LiteDB;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Schema;

internal static partial class LiteDbSchema
{
    /// <summary>
    /// Gives existing attachment rows their project key and pending marker and counts their bytes, then indexes
    /// attachments for project lists, event lookups and the cleanup, and event landings by time (retired by version
    /// 12). Rows are read as plain documents so that this step keeps meaning what it means when the document class
    /// changes later.
    /// </summary>
    private static void IndexForAttachments(LiteDatabase database)
    {
        var attachments = database.GetCollection(CollectionNames.Attachments);
        var usage = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var document in attachments.FindAll().ToList())
        {
            var created = document[nameof(AttachmentDocument.CreatedAt)].AsInt64;
            var projectId = document[nameof(AttachmentDocument.ProjectId)].AsGuid;
            document[nameof(AttachmentDocument.ProjectKey)] = StorageKeys.ProjectRow(projectId, new KeysetKey(created, document["_id"].AsGuid));
            document[nameof(AttachmentDocument.PendingSince)] =
                document[nameof(AttachmentDocument.UploadedAt)].IsNull ? new BsonValue(created) : BsonValue.Null;
            attachments.Update(document);
            if (!document[nameof(AttachmentDocument.DeletedAt)].IsNull)
            {
                continue;
            }

            var size = document[nameof(AttachmentDocument.SizeBytes)].AsInt64;
            Count(usage, StorageKeys.ProjectUsage(projectId), size);
            if (document[nameof(AttachmentDocument.UserId)] is { IsString: true } userId)
            {
                Count(usage, StorageKeys.UserUsage(projectId, userId.AsString), size);
            }
        }

        var counters = database.GetCollection(CollectionNames.AttachmentUsage);
        foreach (var (key, bytes) in usage)
        {
            counters.Upsert(new BsonDocument { ["_id"] = key, [nameof(AttachmentUsageDocument.Bytes)] = bytes });
        }

        attachments.EnsureIndex(IndexNames.AttachmentsProject, $"$.{nameof(AttachmentDocument.ProjectKey)}", unique: true);
        attachments.EnsureIndex(IndexNames.AttachmentsClientEvent, $"$.{nameof(AttachmentDocument.ClientEventId)}", unique: false);
        attachments.EnsureIndex(IndexNames.AttachmentsEvent, $"$.{nameof(AttachmentDocument.EventId)}", unique: false);
        attachments.EnsureIndex(IndexNames.AttachmentsDeleted, $"$.{nameof(AttachmentDocument.DeletedAt)}", unique: false);
        attachments.EnsureIndex(IndexNames.AttachmentsPending, $"$.{nameof(AttachmentDocument.PendingSince)}", unique: false);
        database.GetCollection(RetiredEventLandings.Collection)
            .EnsureIndex(RetiredEventLandings.LandedIndex, $"$.{RetiredEventLandings.LandedAt}", unique: false);
    }

    /// <summary>
    /// Gives every client event id whose error event is still stored that event's sequence, which attachments reserved
    /// after the scan now follow to their event, and retires the event landings that answered the same question. The
    /// events are read in chunks of their sequence, and as plain documents, so that the step keeps its meaning when
    /// the document classes change later.
    /// </summary>
    private static void SequenceClientEvents(LiteDatabase database)
    {
        var events = database.GetCollection(CollectionNames.Events);
        var clientEvents = database.GetCollection(CollectionNames.ClientEvents);
        var last = BsonValue.MinValue;
        while (events.Query().Where(Query.GT("_id", last)).OrderBy("_id").Limit(RekeyChunk).ToList() is { Count: > 0 } chunk)
        {
            foreach (var stored in chunk.Where(e => e[nameof(EventDocument.ClientEventId)].IsGuid))
            {
                var key = StorageKeys.ClientEvent(stored[nameof(EventDocument.AppId)].AsGuid, stored[nameof(EventDocument.ClientEventId)].AsGuid);
                clientEvents.Upsert(new BsonDocument { ["_id"] = key, [nameof(ClientEventDocument.EventSequence)] = stored["_id"] });
            }

            last = chunk[^1]["_id"];
        }
    }

    private static void Count(Dictionary<string, long> usage, string key, long bytes) =>
        usage[key] = usage.GetValueOrDefault(key) + bytes;

    /// <summary>Where files of schema versions 5 to 11 kept the scan's record of each event's issue.</summary>
    private static class RetiredEventLandings
    {
        public const string Collection = "event_landings";
        public const string LandedIndex = "ix_event_landings_landed";
        public const string LandedAt = "LandedAt";
    }
}
