namespace Owlmetry.Issues.Storage.InMemory;

internal sealed partial class InMemoryIssueStoreTransaction
{
    public void DeleteAttachment(Guid attachmentId)
    {
        if (Data.Attachments.Remove(attachmentId, out var previous))
        {
            _undo.Push(() => Data.Attachments[attachmentId] = previous);
        }
    }
}
