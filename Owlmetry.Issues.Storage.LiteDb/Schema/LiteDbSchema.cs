using LiteDB;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Schema;

/// <summary>
/// The schema versions this code knows. A file records its version in <c>_meta</c>; a new file is version 0.
/// Each release that changes the stored shape appends one <see cref="LiteDbMigration"/> here, never edits one.
/// </summary>
internal static partial class LiteDbSchema
{
    public static IReadOnlyList<LiteDbMigration> Migrations { get; } =
    [
        new(0, "create the collections' indexes", CreateIndexes),
        new(1, "index occurrences by user and scan runs by start", IndexForScanning),
        new(2, "index fingerprint aliases by issue, for merges", IndexFingerprintsByIssue),
        new(3, "index issues by status and pending notifications by age", IndexForNotifications),
        new(4, "index attachments for lists, linking and cleanup; count attachment bytes; index event landings", IndexForAttachments),
        new(5, "re-point fingerprint aliases left on merged-away issues to their survivor", RepointDanglingAliases),
        new(6, "index occurrence groups by the issue that absorbed them, for merges without rewriting occurrences", IndexOccurrenceGroups),
        new(7, "key and index events by id and by project lane, and the runs a team triggered by team, for the events and job lists", IndexEventsAndTeamRuns),

        // Nothing to convert: older files have no exclusions. The version keeps releases that would count excluded
        // occurrences from opening a file that has them.
        new(8, "occurrence groups exclude a merge's duplicate sessions instead of deleting them", _ => { }),
        new(9, "key and index issues by lane, status and app, for the status counts of a list", IndexIssuesByLaneAndStatus),
        new(10, "key occurrences by (group, session) with binary keys, in a collection of their own", RekeyOccurrences, Retires: TextKeyedOccurrences.Collection),
        new(11, "record each client event id's event sequence, for attachments; retire event landings", SequenceClientEvents, Retires: RetiredEventLandings.Collection),
    ];

    private static void CreateIndexes(LiteDatabase database)
    {
        var issues = database.GetCollection(CollectionNames.Issues);
        issues.EnsureIndex(IndexNames.IssuesLastSeen, $"$.{nameof(IssueDocument.LastSeenKey)}", unique: true);
        issues.EnsureIndex(IndexNames.IssuesLastActivity, $"$.{nameof(IssueDocument.LastActivityKey)}", unique: true);
        issues.EnsureIndex(IndexNames.IssuesFirstSeen, $"$.{nameof(IssueDocument.FirstSeenKey)}", unique: true);
        issues.EnsureIndex(IndexNames.IssuesOccurrences, $"$.{nameof(IssueDocument.OccurrencesKey)}", unique: true);
        issues.EnsureIndex(IndexNames.IssuesUsers, $"$.{nameof(IssueDocument.UsersKey)}", unique: true);

        var occurrences = database.GetCollection(TextKeyedOccurrences.Collection);
        occurrences.EnsureIndex(TextKeyedOccurrences.SessionIndex, $"$.{TextKeyedOccurrences.SessionKey}", unique: true);
        occurrences.EnsureIndex(TextKeyedOccurrences.PageIndex, $"$.{TextKeyedOccurrences.PageKey}", unique: true);

        database.GetCollection(CollectionNames.Comments)
            .EnsureIndex(IndexNames.CommentsIssue, $"$.{nameof(CommentDocument.ListKey)}", unique: true);

        // Not unique: every attachment not yet linked to an issue has a null key.
        database.GetCollection(CollectionNames.Attachments)
            .EnsureIndex(IndexNames.AttachmentsIssue, $"$.{nameof(AttachmentDocument.ListKey)}", unique: false);

        database.GetCollection(CollectionNames.Audit)
            .EnsureIndex(IndexNames.AuditIssue, $"$.{nameof(AuditDocument.IssueKey)}", unique: true);
    }

    private static void IndexForScanning(LiteDatabase database)
    {
        var occurrences = database.GetCollection(TextKeyedOccurrences.Collection);
        occurrences.UpdateMany(
            BsonExpression.Create($"{{ {TextKeyedOccurrences.UserKey}: SUBSTRING($.{TextKeyedOccurrences.SessionKey}, 0, 33) + "
                + $"(IIF($.{TextKeyedOccurrences.UserId} = null, 'n', 'u:' + $.{TextKeyedOccurrences.UserId})) }}"),
            BsonExpression.Create("$._id != null"));
        occurrences.EnsureIndex(TextKeyedOccurrences.UserIndex, $"$.{TextKeyedOccurrences.UserKey}", unique: false);
        database.GetCollection(CollectionNames.ScanRuns)
            .EnsureIndex(IndexNames.ScanRunsStarted, $"$.{nameof(ScanRunDocument.StartedAt)}", unique: false);
    }

    // Files written before groups hold every occurrence under its issue's own id: each issue owns its own group.
    private static void IndexOccurrenceGroups(LiteDatabase database) =>
        database.GetCollection(CollectionNames.OccurrenceGroups)
            .EnsureIndex(IndexNames.OccurrenceGroupsIssue, $"$.{nameof(OccurrenceGroupDocument.IssueId)}", unique: false);

    // Derived from the fields every stored issue has, read as plain documents so the step keeps its meaning.
    private static void IndexIssuesByLaneAndStatus(LiteDatabase database)
    {
        var issues = database.GetCollection(CollectionNames.Issues);
        foreach (var issue in issues.FindAll().ToList())
        {
            issue[nameof(IssueDocument.StatusKey)] = StorageKeys.IssueStatus(
                issue[nameof(IssueDocument.ProjectId)].AsGuid,
                issue[nameof(IssueDocument.IsDev)].AsBoolean,
                issue[nameof(IssueDocument.Status)].AsString,
                issue[nameof(IssueDocument.AppId)].AsGuid,
                issue["_id"].AsGuid);
            issues.Update(issue);
        }

        issues.EnsureIndex(IndexNames.IssuesLaneStatus, $"$.{nameof(IssueDocument.StatusKey)}", unique: true);
    }

    private static void IndexFingerprintsByIssue(LiteDatabase database) =>
        database.GetCollection(CollectionNames.Fingerprints)
            .EnsureIndex(IndexNames.FingerprintsIssue, $"$.{nameof(FingerprintDocument.IssueId)}", unique: false);

    // The digest looks for new and regressed issues across projects; most issues of a mature project are neither.
    // Settled notifications have a null pending key, hence not unique.
    private static void IndexForNotifications(LiteDatabase database)
    {
        database.GetCollection(CollectionNames.Issues)
            .EnsureIndex(IndexNames.IssuesStatus, $"$.{nameof(IssueDocument.Status)}", unique: false);
        database.GetCollection(CollectionNames.Notifications)
            .EnsureIndex(IndexNames.NotificationsPending, $"$.{nameof(OutboxNotificationDocument.PendingKey)}", unique: false);
    }
}
