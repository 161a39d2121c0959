using Owlmetry.Issues.Access;
using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Events;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.Storage.InMemory;

// The seam's asynchronous members over this synchronous engine: each one completes before it returns.
internal sealed partial class InMemoryIssueStoreTransaction
{
    ValueTask IIssueStoreWriter.DeleteAttachmentAsync(Guid attachmentId)
    {
        DeleteAttachment(attachmentId);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.AddNotificationAsync(OutboxNotification notification)
    {
        AddNotification(notification);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.UpdateNotificationAsync(OutboxNotification notification)
    {
        UpdateNotification(notification);
        return ValueTask.CompletedTask;
    }

    ValueTask<int> IIssueStoreWriter.DeleteNotificationsSettledBeforeAsync(DateTimeOffset cutoff)
    {
        return new(DeleteNotificationsSettledBefore(cutoff));
    }

    ValueTask IIssueStoreWriter.SetLastDigestAtAsync(Guid projectId, DateTimeOffset at)
    {
        SetLastDigestAt(projectId, at);
        return ValueTask.CompletedTask;
    }

    ValueTask<long> IIssueStoreWriter.AppendEventAsync(ErrorEvent errorEvent)
    {
        return new(AppendEvent(errorEvent));
    }

    ValueTask IIssueStoreWriter.RecordClientEventAsync(AcceptedClientEvent clientEvent)
    {
        RecordClientEvent(clientEvent);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.SetScanCheckpointAsync(long sequence)
    {
        SetScanCheckpoint(sequence);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.SaveScanRunAsync(ScanRun run)
    {
        SaveScanRun(run);
        return ValueTask.CompletedTask;
    }

    ValueTask<int> IIssueStoreWriter.DeleteScannedEventsReceivedBeforeAsync(DateTimeOffset cutoff)
    {
        return new(DeleteScannedEventsReceivedBefore(cutoff));
    }

    ValueTask IIssueStoreWriter.InsertIssueAsync(Issue issue)
    {
        InsertIssue(issue);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.UpdateIssueAsync(Issue issue)
    {
        UpdateIssue(issue);
        return ValueTask.CompletedTask;
    }

    ValueTask<int> IIssueStoreWriter.EndClaimsHeldByAsync(ActorKind holderKind, Guid holderId, IReadOnlyCollection<Guid> projectIds)
    {
        return new(EndClaimsHeldBy(holderKind, holderId, projectIds));
    }

    ValueTask IIssueStoreWriter.DeleteIssueAsync(Guid issueId)
    {
        DeleteIssue(issueId);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.AssignFingerprintAsync(FingerprintKey key, Guid issueId)
    {
        AssignFingerprint(key, issueId);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.MoveFingerprintsAsync(Guid fromIssueId, Guid toIssueId)
    {
        MoveFingerprints(fromIssueId, toIssueId);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.InsertOccurrenceAsync(IssueOccurrence occurrence)
    {
        InsertOccurrence(occurrence);
        return ValueTask.CompletedTask;
    }

    ValueTask<OccurrenceSummary> IIssueStoreWriter.MergeOccurrencesAsync(Guid fromIssueId, Guid toIssueId)
    {
        return new(MergeOccurrences(fromIssueId, toIssueId));
    }

    ValueTask IIssueStoreWriter.InsertCommentAsync(IssueComment comment)
    {
        InsertComment(comment);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.UpdateCommentAsync(IssueComment comment)
    {
        UpdateComment(comment);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.MoveCommentsAsync(Guid fromIssueId, Guid toIssueId)
    {
        MoveComments(fromIssueId, toIssueId);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.UpsertAttachmentAsync(IssueAttachment attachment)
    {
        UpsertAttachment(attachment);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.MoveAttachmentsAsync(Guid fromIssueId, Guid toIssueId)
    {
        MoveAttachments(fromIssueId, toIssueId);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.AppendAuditAsync(AuditRecord record)
    {
        AppendAudit(record);
        return ValueTask.CompletedTask;
    }
}
