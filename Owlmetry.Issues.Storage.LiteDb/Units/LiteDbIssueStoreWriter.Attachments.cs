using LiteDB;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.LiteDb.Documents;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

/// <summary>
/// Attachment writes. Each one moves the project and user byte totals by the difference between the row before
/// and after, in the same transaction, so the totals always equal the sum over the rows that are not deleted.
/// </summary>
internal sealed partial class LiteDbIssueStoreWriter
{
    public void UpsertAttachment(IssueAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var previous = Collections.Attachments.FindById(attachment.Id);
        var document = AttachmentDocument.From(attachment);
        Run(nameof(UpsertAttachment), () => Collections.Attachments.Upsert(document));
        AdjustUsage(previous?.Usage() ?? [], document.Usage());
    }

    public void DeleteAttachment(Guid attachmentId)
    {
        var previous = Collections.Attachments.FindById(attachmentId);
        if (previous is null)
        {
            return;
        }

        Run(nameof(DeleteAttachment), () => Collections.Attachments.Delete(attachmentId));
        AdjustUsage(previous.Usage(), []);
    }


    private void AdjustUsage(IEnumerable<(string Key, long Bytes)> before, IEnumerable<(string Key, long Bytes)> after)
    {
        var deltas = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, bytes) in before)
        {
            deltas[key] = deltas.GetValueOrDefault(key) - bytes;
        }

        foreach (var (key, bytes) in after)
        {
            deltas[key] = deltas.GetValueOrDefault(key) + bytes;
        }

        foreach (var (key, delta) in deltas.Where(pair => pair.Value != 0))
        {
            var total = (Collections.AttachmentUsage.FindById(key)?.Bytes ?? 0) + delta;
            Run(nameof(AdjustUsage), () => total == 0
                ? Collections.AttachmentUsage.Delete(key)
                : Collections.AttachmentUsage.Upsert(new AttachmentUsageDocument { Id = key, Bytes = total }));
        }
    }
}
