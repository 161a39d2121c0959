using LiteDB;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Schema;

internal static partial class LiteDbSchema
{
    private const int RekeyChunk = 5_000;

    /// <summary>
    /// Copies every occurrence into <see cref="CollectionNames.Occurrences"/> under binary keys (see
    /// <see cref="OccurrenceKeys"/>): the (group, session) pair becomes the <c>_id</c>, so one row has three index
    /// entries instead of four, each about half as long. The old collection is read in chunks of its primary key, so
    /// a large file is not read into memory at once, and retired: dropped once the copy committed. Its fields are
    /// copied as they are, less the ones the new keys replace, and read by name, so that the step keeps its meaning
    /// when the document class changes later. A new file has nothing to copy.
    /// </summary>
    private static void RekeyOccurrences(LiteDatabase database)
    {
        var rows = database.GetCollection(CollectionNames.Occurrences);
        rows.EnsureIndex(IndexNames.OccurrencesPage, $"$.{nameof(OccurrenceDocument.PageKey)}", unique: true);
        rows.EnsureIndex(IndexNames.OccurrencesUser, $"$.{nameof(OccurrenceDocument.UserKey)}", unique: false);

        var old = database.GetCollection(TextKeyedOccurrences.Collection);
        var last = BsonValue.MinValue;
        while (old.Query().Where(Query.GT("_id", last)).OrderBy("_id").Limit(RekeyChunk).ToList() is { Count: > 0 } chunk)
        {
            rows.InsertBulk(chunk.Select(Rekeyed), RekeyChunk);
            last = chunk[^1]["_id"];
        }
    }

    private static BsonDocument Rekeyed(BsonDocument occurrence)
    {
        var group = occurrence[TextKeyedOccurrences.IssueId].AsGuid;
        var id = occurrence["_id"].AsGuid;
        var user = occurrence[TextKeyedOccurrences.UserId] is { IsString: true } userId ? userId.AsString : null;
        var session = occurrence[nameof(OccurrenceDocument.SessionId)].AsGuid;
        var row = new BsonDocument
        {
            ["_id"] = OccurrenceKeys.Session(group, session),
            [nameof(OccurrenceDocument.OccurrenceId)] = id,
            [nameof(OccurrenceDocument.PageKey)] = OccurrenceKeys.Page(group, new KeysetKey(occurrence[nameof(OccurrenceDocument.Timestamp)].AsInt64, id)),
            [nameof(OccurrenceDocument.UserKey)] = OccurrenceKeys.User(group, user, session),
        };
        foreach (var (name, value) in occurrence)
        {
            if (!TextKeyedOccurrences.Replaced.Contains(name))
            {
                row[name] = value;
            }
        }

        return row;
    }

    /// <summary>
    /// The occurrence collection as files of schema versions 1 to 10 kept it: a guid <c>_id</c> and three hex text
    /// keys.
    /// </summary>
    private static class TextKeyedOccurrences
    {
        public const string Collection = "occurrences";
        public const string SessionIndex = "ux_occurrences_issue_session";
        public const string PageIndex = "ix_occurrences_page";
        public const string UserIndex = "ix_occurrences_issue_user";
        public const string IssueId = "IssueId";
        public const string UserId = "UserId";
        public const string SessionKey = "SessionKey";
        public const string PageKey = "PageKey";
        public const string UserKey = "UserKey";

        /// <summary>The fields the binary keys replace: the group is the first part of every key.</summary>
        public static readonly HashSet<string> Replaced = ["_id", IssueId, SessionKey, PageKey, UserKey];
    }
}
