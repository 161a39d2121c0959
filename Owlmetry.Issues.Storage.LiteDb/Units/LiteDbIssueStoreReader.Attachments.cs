using LiteDB;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

/// <summary>
/// Attachment reads. Lists walk one index range in key order: an issue's <c>issue|created|id</c> keys, or each
/// listed project's <c>project|created|id</c> keys (merged like issue lanes); an event filter instead looks the
/// few rows of that event up by its own index. Quota usage reads the running byte totals.
/// </summary>
internal partial class LiteDbIssueStoreReader
{
    private static readonly BsonExpression s_uploaded = BsonExpression.Create($"$.{nameof(AttachmentDocument.UploadedAt)} != null");
    private static readonly BsonExpression s_attachmentNotDeleted = BsonExpression.Create($"$.{nameof(AttachmentDocument.DeletedAt)} = null");
    private static readonly BsonExpression[] s_listedAttachment = [s_attachmentNotDeleted, s_uploaded];

    public IssueAttachment? FindAttachment(Guid attachmentId) => Collections.Attachments.FindById(attachmentId)?.ToAttachment();

    public IReadOnlyList<IssueAttachment> ListAttachments(AttachmentListFilter filter, KeysetKey? after, int take)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (take <= 0 || filter.ProjectIds.Count == 0)
        {
            return [];
        }

        var filters = AttachmentFilters(filter);
        var limit = KeyRange.WithBound(take, after);
        IEnumerable<AttachmentDocument> candidates = filter switch
        {
            { IssueId: { } issueId } => KeyRange.Scan(
                Collections.Attachments, nameof(AttachmentDocument.ListKey), StorageKeys.Issue(issueId),
                after is { } cursor ? StorageKeys.IssueRow(issueId, cursor) : null, descending: true, limit, filters),
            { EventId: { } eventId } => Collections.Attachments.Find(BsonExpression.Create($"$.{nameof(AttachmentDocument.EventId)} = @0", eventId)),
            { ClientEventId: { } clientEventId } => Collections.Attachments.Find(ByClientEvent(clientEventId)),
            _ => filter.ProjectIds.Distinct().SelectMany(projectId => KeyRange.Scan(
                Collections.Attachments, nameof(AttachmentDocument.ProjectKey), StorageKeys.Project(projectId),
                after is { } cursor ? StorageKeys.ProjectRow(projectId, cursor) : null, descending: true, limit, filters)),
        };
        return candidates
            .Select(document => document.ToAttachment())
            .Where(filter.Matches)
            .Select(attachment => (Attachment: attachment, Key: new KeysetKey(UnixTime.From(attachment.CreatedAt), attachment.Id)))
            .Where(row => row.Key.IsAfter(after))
            .OrderByDescending(row => row.Key)
            .Take(take)
            .Select(row => row.Attachment)
            .ToList();
    }

    public IReadOnlyList<IssueAttachment> ListAttachmentsOfClientEvent(Guid appId, Guid clientEventId) =>
        Collections.Attachments.Find(ByClientEvent(clientEventId))
            .Where(document => document.AppId == appId)
            .Select(document => document.ToAttachment())
            .ToList();

    public long GetProjectAttachmentBytes(Guid projectId) => UsageOf(StorageKeys.ProjectUsage(projectId));

    public long GetUserAttachmentBytes(Guid projectId, string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return UsageOf(StorageKeys.UserUsage(projectId, userId));
    }

    public IReadOnlyList<IssueAttachment> ListAttachmentsToPurge(DateTimeOffset deletedBefore, DateTimeOffset reservedBefore, int take) =>
        take <= 0
            ? []
            : Before(nameof(AttachmentDocument.DeletedAt), deletedBefore, take)
                .Concat(Before(nameof(AttachmentDocument.PendingSince), reservedBefore, take))
                .DistinctBy(document => document.Id)
                .OrderBy(document => document.Id)
                .Take(take)
                .Select(document => document.ToAttachment())
                .ToList();


    private static BsonExpression ByClientEvent(Guid clientEventId) =>
        BsonExpression.Create($"$.{nameof(AttachmentDocument.ClientEventId)} = @0", clientEventId);

    private static List<BsonExpression> AttachmentFilters(AttachmentListFilter filter)
    {
        var filters = new List<BsonExpression>(s_listedAttachment)
        {
            BsonExpression.Create(
                $"$.{nameof(AttachmentDocument.ProjectId)} IN @0", new BsonArray(filter.ProjectIds.Distinct().Select(id => new BsonValue(id)))),
        };
        if (filter.EventId is { } eventId)
        {
            filters.Add(BsonExpression.Create($"$.{nameof(AttachmentDocument.EventId)} = @0", eventId));
        }

        if (filter.ClientEventId is { } clientEventId)
        {
            filters.Add(ByClientEvent(clientEventId));
        }

        return filters;
    }

    /// <summary>
    /// Rows whose time field is set and earlier than <paramref name="cutoff"/>. A range with a numeric lower bound,
    /// because LiteDB orders null before every number: a plain <c>&lt;</c> would match the rows without a time.
    /// </summary>
    private List<AttachmentDocument> Before(string field, DateTimeOffset cutoff, int take) =>
        Collections.Attachments.Query()
            .Where(BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", long.MinValue, UnixTime.From(cutoff) - 1))
            .Limit(take)
            .ToList();

    private long UsageOf(string key) => Collections.AttachmentUsage.FindById(key)?.Bytes ?? 0;
}
