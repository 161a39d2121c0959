using Owlmetry.Issues.Access;
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
        EnsureInUnit();
        DeleteAttachment(attachmentId);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.AddNotificationAsync(OutboxNotification notification)
    {
        EnsureInUnit();
        AddNotification(notification);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.UpdateNotificationAsync(OutboxNotification notification)
    {
        EnsureInUnit();
        UpdateNotification(notification);
        return ValueTask.CompletedTask;
    }

    ValueTask<int> IIssueStoreWriter.DeleteNotificationsSettledBeforeAsync(DateTimeOffset cutoff)
    {
        EnsureInUnit();
        return new(DeleteNotificationsSettledBefore(cutoff));
    }

    ValueTask IIssueStoreWriter.SetLastDigestAtAsync(Guid projectId, DateTimeOffset at)
    {
        EnsureInUnit();
        SetLastDigestAt(projectId, at);
        return ValueTask.CompletedTask;
    }

    ValueTask<long> IIssueStoreWriter.AppendEventAsync(ErrorEvent errorEvent)
    {
        EnsureInUnit();
        return new(AppendEvent(errorEvent));
    }

    ValueTask<IReadOnlyList<long>> IIssueStoreWriter.AppendEventsAsync(IReadOnlyList<ErrorEvent> events)
    {
        EnsureInUnit();
        return new(AppendEvents(events));
    }

    ValueTask IIssueStoreWriter.RecordClientEventAsync(AcceptedClientEvent clientEvent)
    {
        EnsureInUnit();
        RecordClientEvent(clientEvent);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.RecordClientEventsAsync(IReadOnlyCollection<AcceptedClientEvent> clientEvents)
    {
        EnsureInUnit();
        RecordClientEvents(clientEvents);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.SetScanCheckpointAsync(long sequence)
    {
        EnsureInUnit();
        SetScanCheckpoint(sequence);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.SaveScanRunAsync(ScanRun run)
    {
        EnsureInUnit();
        SaveScanRun(run);
        return ValueTask.CompletedTask;
    }

    ValueTask<int> IIssueStoreWriter.DeleteScannedEventsReceivedBeforeAsync(DateTimeOffset cutoff)
    {
        EnsureInUnit();
        return new(DeleteScannedEventsReceivedBefore(cutoff));
    }

    ValueTask IIssueStoreWriter.InsertIssueAsync(Issue issue)
    {
        EnsureInUnit();
        InsertIssue(issue);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.UpdateIssueAsync(Issue issue)
    {
        EnsureInUnit();
        UpdateIssue(issue);
        return ValueTask.CompletedTask;
    }

    ValueTask<int> IIssueStoreWriter.EndClaimsHeldByAsync(ActorKind holderKind, Guid holderId, IReadOnlyCollection<Guid> projectIds)
    {
        EnsureInUnit();
        return new(EndClaimsHeldBy(holderKind, holderId, projectIds));
    }

    ValueTask IIssueStoreWriter.DeleteIssueAsync(Guid issueId)
    {
        EnsureInUnit();
        DeleteIssue(issueId);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.AssignFingerprintAsync(FingerprintKey key, Guid issueId)
    {
        EnsureInUnit();
        AssignFingerprint(key, issueId);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.MoveFingerprintsAsync(Guid fromIssueId, Guid toIssueId)
    {
        EnsureInUnit();
        MoveFingerprints(fromIssueId, toIssueId);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.InsertOccurrenceAsync(IssueOccurrence occurrence)
    {
        EnsureInUnit();
        InsertOccurrence(occurrence);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.InsertOccurrencesAsync(IReadOnlyCollection<IssueOccurrence> occurrences)
    {
        EnsureInUnit();
        InsertOccurrences(occurrences);
        return ValueTask.CompletedTask;
    }

    ValueTask<OccurrenceSummary> IIssueStoreWriter.MergeOccurrencesAsync(Guid fromIssueId, Guid toIssueId)
    {
        EnsureInUnit();
        return new(MergeOccurrences(fromIssueId, toIssueId));
    }

    ValueTask IIssueStoreWriter.InsertCommentAsync(IssueComment comment)
    {
        EnsureInUnit();
        InsertComment(comment);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.UpdateCommentAsync(IssueComment comment)
    {
        EnsureInUnit();
        UpdateComment(comment);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.MoveCommentsAsync(Guid fromIssueId, Guid toIssueId)
    {
        EnsureInUnit();
        MoveComments(fromIssueId, toIssueId);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.UpsertAttachmentAsync(IssueAttachment attachment)
    {
        EnsureInUnit();
        UpsertAttachment(attachment);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.MoveAttachmentsAsync(Guid fromIssueId, Guid toIssueId)
    {
        EnsureInUnit();
        MoveAttachments(fromIssueId, toIssueId);
        return ValueTask.CompletedTask;
    }

    ValueTask IIssueStoreWriter.AppendAuditAsync(AuditRecord record)
    {
        EnsureInUnit();
        AppendAudit(record);
        return ValueTask.CompletedTask;
    }
}
