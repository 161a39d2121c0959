using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Events;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

// The seam's asynchronous members over this synchronous engine: each one completes before it returns.
internal sealed partial class LiteDbIssueStoreWriter
{
    ValueTask IIssueStoreWriter.DeleteAttachmentAsync(Guid attachmentId)
    {
        ThrowIfClosed();
        DeleteAttachment(attachmentId);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.AddNotificationAsync(OutboxNotification notification)
    {
        ThrowIfClosed();
        AddNotification(notification);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.UpdateNotificationAsync(OutboxNotification notification)
    {
        ThrowIfClosed();
        UpdateNotification(notification);
        return ValueTask.CompletedTask;
    }

    ValueTask<int> IIssueStoreWriter.DeleteNotificationsSettledBeforeAsync(DateTimeOffset cutoff)
    {
        ThrowIfClosed();
        return new(DeleteNotificationsSettledBefore(cutoff));
    }

    ValueTask IIssueStoreWriter.SetLastDigestAtAsync(Guid projectId, DateTimeOffset at)
    {
        ThrowIfClosed();
        SetLastDigestAt(projectId, at);
        return ValueTask.CompletedTask;
    }

    ValueTask<long> IIssueStoreWriter.AppendEventAsync(ErrorEvent errorEvent)
    {
        ThrowIfClosed();
        return new(AppendEvent(errorEvent));
    }

    ValueTask<IReadOnlyList<long>> IIssueStoreWriter.AppendEventsAsync(IReadOnlyList<ErrorEvent> events)
    {
        ThrowIfClosed();
        return new(AppendEvents(events));
    }

    ValueTask IIssueStoreWriter.RecordClientEventAsync(AcceptedClientEvent clientEvent)
    {
        ThrowIfClosed();
        RecordClientEvent(clientEvent);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.RecordClientEventsAsync(IReadOnlyCollection<AcceptedClientEvent> clientEvents)
    {
        ThrowIfClosed();
        RecordClientEvents(clientEvents);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.SetScanCheckpointAsync(long sequence)
    {
        ThrowIfClosed();
        SetScanCheckpoint(sequence);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.SaveScanRunAsync(ScanRun run)
    {
        ThrowIfClosed();
        SaveScanRun(run);
        return ValueTask.CompletedTask;
    }

    ValueTask<int> IIssueStoreWriter.DeleteScannedEventsReceivedBeforeAsync(DateTimeOffset cutoff)
    {
        ThrowIfClosed();
        return new(DeleteScannedEventsReceivedBefore(cutoff));
    }

    ValueTask IIssueStoreWriter.InsertIssueAsync(Issue issue)
    {
        ThrowIfClosed();
        InsertIssue(issue);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.UpdateIssueAsync(Issue issue)
    {
        ThrowIfClosed();
        UpdateIssue(issue);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.DeleteIssueAsync(Guid issueId)
    {
        ThrowIfClosed();
        DeleteIssue(issueId);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.AssignFingerprintAsync(FingerprintKey key, Guid issueId)
    {
        ThrowIfClosed();
        AssignFingerprint(key, issueId);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.MoveFingerprintsAsync(Guid fromIssueId, Guid toIssueId)
    {
        ThrowIfClosed();
        MoveFingerprints(fromIssueId, toIssueId);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.InsertOccurrenceAsync(IssueOccurrence occurrence)
    {
        ThrowIfClosed();
        InsertOccurrence(occurrence);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.InsertOccurrencesAsync(IReadOnlyCollection<IssueOccurrence> occurrences)
    {
        ThrowIfClosed();
        InsertOccurrences(occurrences);
        return ValueTask.CompletedTask;
    }

    ValueTask<OccurrenceSummary> IIssueStoreWriter.MergeOccurrencesAsync(Guid fromIssueId, Guid toIssueId)
    {
        ThrowIfClosed();
        return new(MergeOccurrences(fromIssueId, toIssueId));
    }

    ValueTask IIssueStoreWriter.InsertCommentAsync(IssueComment comment)
    {
        ThrowIfClosed();
        InsertComment(comment);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.UpdateCommentAsync(IssueComment comment)
    {
        ThrowIfClosed();
        UpdateComment(comment);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.MoveCommentsAsync(Guid fromIssueId, Guid toIssueId)
    {
        ThrowIfClosed();
        MoveComments(fromIssueId, toIssueId);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.UpsertAttachmentAsync(IssueAttachment attachment)
    {
        ThrowIfClosed();
        UpsertAttachment(attachment);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.MoveAttachmentsAsync(Guid fromIssueId, Guid toIssueId)
    {
        ThrowIfClosed();
        MoveAttachments(fromIssueId, toIssueId);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.AppendAuditAsync(AuditRecord record)
    {
        ThrowIfClosed();
        AppendAudit(record);
        return ValueTask.CompletedTask;
    }
}
