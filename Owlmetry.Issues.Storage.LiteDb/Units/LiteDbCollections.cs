using LiteDB;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Schema;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

/// <summary>The typed collections of one open database, shared by every unit of work of a store.</summary>
internal sealed partial class LiteDbCollections(LiteDatabase database)
{
    public LiteDatabase Database { get; } = database;

    public ILiteCollection<IssueDocument> Issues { get; } = database.GetCollection<IssueDocument>(CollectionNames.Issues);

    public ILiteCollection<FingerprintDocument> Fingerprints { get; } = database.GetCollection<FingerprintDocument>(CollectionNames.Fingerprints);

    public ILiteCollection<OccurrenceDocument> Occurrences { get; } = database.GetCollection<OccurrenceDocument>(CollectionNames.Occurrences);

    public ILiteCollection<OccurrenceGroupDocument> OccurrenceGroups { get; } =
        database.GetCollection<OccurrenceGroupDocument>(CollectionNames.OccurrenceGroups);

    public ILiteCollection<CommentDocument> Comments { get; } = database.GetCollection<CommentDocument>(CollectionNames.Comments);

    public ILiteCollection<AttachmentDocument> Attachments { get; } = database.GetCollection<AttachmentDocument>(CollectionNames.Attachments);

    public ILiteCollection<AuditDocument> Audit { get; } = database.GetCollection<AuditDocument>(CollectionNames.Audit);

    public ILiteCollection<SchemaDocument> Meta { get; } = database.GetCollection<SchemaDocument>(CollectionNames.Meta);

    public ILiteCollection<EventDocument> Events { get; } = database.GetCollection<EventDocument>(CollectionNames.Events);

    public ILiteCollection<ClientEventDocument> ClientEvents { get; } = database.GetCollection<ClientEventDocument>(CollectionNames.ClientEvents);

    public ILiteCollection<ScanStateDocument> ScanState { get; } = database.GetCollection<ScanStateDocument>(CollectionNames.ScanState);

    public ILiteCollection<ScanRunDocument> ScanRuns { get; } = database.GetCollection<ScanRunDocument>(CollectionNames.ScanRuns);

    public ILiteCollection<OutboxNotificationDocument> Notifications { get; } =
        database.GetCollection<OutboxNotificationDocument>(CollectionNames.Notifications);

    public ILiteCollection<DigestStateDocument> DigestState { get; } = database.GetCollection<DigestStateDocument>(CollectionNames.DigestState);

    public LiteDbProbes Probes => field ??= new LiteDbProbes(this);
}

/// <summary>The per-event lookups of ingest and the scan, each parsed once (see <see cref="KeyProbe{T}"/>).</summary>
internal sealed class LiteDbProbes(LiteDbCollections collections)
{
    public KeyProbe<IssueDocument> IssueById { get; } = new(collections.Issues, "_id");

    public KeyProbe<FingerprintDocument> FingerprintById { get; } = new(collections.Fingerprints, "_id");

    public KeyProbe<ClientEventDocument> ClientEventById { get; } = new(collections.ClientEvents, "_id");

    public KeyProbe<OccurrenceDocument> OccurrenceBySession { get; } = new(collections.Occurrences, "_id");

    public RangeProbe<OccurrenceDocument> OccurrenceUsers { get; } = new(collections.Occurrences, nameof(OccurrenceDocument.UserKey));
}
