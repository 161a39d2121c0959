using LiteDB;

namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>The store's own <see cref="BsonMapper"/>; the process-wide <see cref="BsonMapper.Global"/> is never touched.</summary>
internal static class DocumentMapper
{
    public static BsonMapper Create()
    {
        // LiteDB's defaults trim strings and turn "" into null: comment bodies, titles and ids must come back verbatim.
        var mapper = new BsonMapper
        {
            TrimWhitespace = false,
            EmptyStringToNull = false,
            SerializeNullValues = true,
        };

        // autoId would replace Guid.Empty with a fresh id on insert; ids are always the caller's.
        mapper.Entity<IssueDocument>().Id(d => d.Id, autoId: false);
        mapper.Entity<OccurrenceDocument>().Id(d => d.Key, autoId: false);
        mapper.Entity<CommentDocument>().Id(d => d.Id, autoId: false);
        mapper.Entity<AttachmentDocument>().Id(d => d.Id, autoId: false);
        mapper.Entity<AuditDocument>().Id(d => d.Id, autoId: false);
        mapper.Entity<FingerprintDocument>().Id(d => d.Id, autoId: false);
        mapper.Entity<SchemaDocument>().Id(d => d.Id, autoId: false);
        mapper.Entity<OutboxNotificationDocument>().Id(d => d.Id, autoId: false);
        mapper.Entity<DigestStateDocument>().Id(d => d.Id, autoId: false);
        return mapper;
    }
}
