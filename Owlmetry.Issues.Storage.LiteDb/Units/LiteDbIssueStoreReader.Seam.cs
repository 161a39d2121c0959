using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Events;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.Storage.LiteDb.Units;

// The seam's asynchronous members over this synchronous engine: each one completes before it returns.
internal partial class LiteDbIssueStoreReader
{
    ValueTask<IssueAttachment?> IIssueStoreReader.FindAttachmentAsync(Guid attachmentId)
    {
        ThrowIfClosed();
        return new(FindAttachment(attachmentId));
    }

    ValueTask<IReadOnlyList<IssueAttachment>> IIssueStoreReader.ListAttachmentsAsync(AttachmentListFilter filter, KeysetKey? after, int take)
    {
        ThrowIfClosed();
        return new(ListAttachments(filter, after, take));
    }

    ValueTask<IReadOnlyList<IssueAttachment>> IIssueStoreReader.ListAttachmentsOfClientEventAsync(Guid appId, Guid clientEventId)
    {
        ThrowIfClosed();
        return new(ListAttachmentsOfClientEvent(appId, clientEventId));
    }

    ValueTask<long> IIssueStoreReader.GetProjectAttachmentBytesAsync(Guid projectId)
    {
        ThrowIfClosed();
        return new(GetProjectAttachmentBytes(projectId));
    }

    ValueTask<long> IIssueStoreReader.GetUserAttachmentBytesAsync(Guid projectId, string userId)
    {
        ThrowIfClosed();
        return new(GetUserAttachmentBytes(projectId, userId));
    }

    ValueTask<IReadOnlyList<IssueAttachment>> IIssueStoreReader.ListAttachmentsToPurgeAsync(DateTimeOffset deletedBefore, DateTimeOffset reservedBefore, int take)
    {
        ThrowIfClosed();
        return new(ListAttachmentsToPurge(deletedBefore, reservedBefore, take));
    }

    ValueTask<ErrorEvent?> IIssueStoreReader.FindEventAsync(Guid eventId)
    {
        ThrowIfClosed();
        return new(FindEvent(eventId));
    }

    ValueTask<IReadOnlyList<ErrorEvent>> IIssueStoreReader.ListEventsAsync(EventListFilter filter, EventOrder order, KeysetKey? after, int take)
    {
        ThrowIfClosed();
        return new(ListEvents(filter, order, after, take));
    }

    ValueTask<IReadOnlyDictionary<FingerprintKey, Guid>> IIssueStoreReader.ListFingerprintsAsync(Guid appId)
    {
        ThrowIfClosed();
        return new(ListFingerprints(appId));
    }

    ValueTask<IReadOnlyDictionary<Guid, int>> IIssueStoreReader.CountOccurrencesByIssueAsync()
    {
        ThrowIfClosed();
        return new(CountOccurrencesByIssue());
    }

    ValueTask<OutboxNotification?> IIssueStoreReader.FindNotificationAsync(Guid notificationId)
    {
        ThrowIfClosed();
        return new(FindNotification(notificationId));
    }

    ValueTask<IReadOnlyList<OutboxNotification>> IIssueStoreReader.ListPendingNotificationsAsync(int take)
    {
        ThrowIfClosed();
        return new(ListPendingNotifications(take));
    }

    ValueTask<IReadOnlyList<Guid>> IIssueStoreReader.ListProjectsAwaitingDigestAsync()
    {
        ThrowIfClosed();
        return new(ListProjectsAwaitingDigest());
    }

    ValueTask<IReadOnlyList<Issue>> IIssueStoreReader.ListIssuesAwaitingDigestAsync(Guid projectId, int take)
    {
        ThrowIfClosed();
        return new(ListIssuesAwaitingDigest(projectId, take));
    }

    ValueTask<DateTimeOffset?> IIssueStoreReader.GetLastDigestAtAsync(Guid projectId)
    {
        ThrowIfClosed();
        return new(GetLastDigestAt(projectId));
    }

    ValueTask<IReadOnlyList<ScanRun>> IIssueStoreReader.ListScanRunsOfTeamAsync(Guid teamId, KeysetKey? after, int take)
    {
        ThrowIfClosed();
        return new(ListScanRunsOfTeam(teamId, after, take));
    }

    ValueTask<long> IIssueStoreReader.GetScanCheckpointAsync()
    {
        ThrowIfClosed();
        return new(GetScanCheckpoint());
    }

    ValueTask<long> IIssueStoreReader.GetLastEventSequenceAsync()
    {
        ThrowIfClosed();
        return new(GetLastEventSequence());
    }

    ValueTask<IReadOnlyList<ErrorEvent>> IIssueStoreReader.ListEventsAfterAsync(long sequence, int take)
    {
        ThrowIfClosed();
        return new(ListEventsAfter(sequence, take));
    }

    ValueTask<bool> IIssueStoreReader.HasClientEventAsync(Guid appId, Guid clientEventId)
    {
        ThrowIfClosed();
        return new(HasClientEvent(appId, clientEventId));
    }

    ValueTask<long?> IIssueStoreReader.FindEventSequenceOfClientEventAsync(Guid appId, Guid clientEventId)
    {
        ThrowIfClosed();
        return new(FindEventSequenceOfClientEvent(appId, clientEventId));
    }

    ValueTask<IReadOnlySet<Guid>> IIssueStoreReader.FindClientEventsAsync(Guid appId, IReadOnlyCollection<Guid> clientEventIds)
    {
        ThrowIfClosed();
        return new(FindClientEvents(appId, clientEventIds));
    }

    ValueTask<bool> IIssueStoreReader.HasOccurrenceOfUserAsync(Guid issueId, string userId)
    {
        ThrowIfClosed();
        return new(HasOccurrenceOfUser(issueId, userId));
    }

    ValueTask<ScanRun?> IIssueStoreReader.FindScanRunAsync(Guid runId)
    {
        ThrowIfClosed();
        return new(FindScanRun(runId));
    }

    ValueTask<IReadOnlyList<ScanRun>> IIssueStoreReader.ListScanRunsAsync(int take)
    {
        ThrowIfClosed();
        return new(ListScanRuns(take));
    }

    ValueTask<Issue?> IIssueStoreReader.FindIssueAsync(Guid issueId)
    {
        ThrowIfClosed();
        return new(FindIssue(issueId));
    }

    ValueTask<IReadOnlyList<Issue>> IIssueStoreReader.ListIssuesAsync(IssueListFilter filter, IssueSort sort, KeysetKey? after, int take)
    {
        ThrowIfClosed();
        return new(ListIssues(filter, sort, after, take));
    }

    ValueTask<Guid?> IIssueStoreReader.FindIssueIdByFingerprintAsync(FingerprintKey key)
    {
        ThrowIfClosed();
        return new(FindIssueIdByFingerprint(key));
    }

    ValueTask<IReadOnlyList<IssueOccurrence>> IIssueStoreReader.ListOccurrencesAsync(Guid issueId, KeysetKey? after, int take)
    {
        ThrowIfClosed();
        return new(ListOccurrences(issueId, after, take));
    }

    ValueTask<IReadOnlyList<IssueOccurrence>> IIssueStoreReader.GetAllOccurrencesAsync(Guid issueId)
    {
        ThrowIfClosed();
        return new(GetAllOccurrences(issueId));
    }

    ValueTask<bool> IIssueStoreReader.HasOccurrenceInSessionAsync(Guid issueId, Guid sessionId)
    {
        ThrowIfClosed();
        return new(HasOccurrenceInSession(issueId, sessionId));
    }

    ValueTask<IssueComment?> IIssueStoreReader.FindCommentAsync(Guid commentId)
    {
        ThrowIfClosed();
        return new(FindComment(commentId));
    }

    ValueTask<IReadOnlyList<IssueComment>> IIssueStoreReader.ListCommentsAsync(Guid issueId)
    {
        ThrowIfClosed();
        return new(ListComments(issueId));
    }

    ValueTask<IReadOnlyList<IssueAttachment>> IIssueStoreReader.ListAttachmentsAsync(Guid issueId, int take)
    {
        ThrowIfClosed();
        return new(ListAttachments(issueId, take));
    }

    ValueTask<IReadOnlyList<AuditRecord>> IIssueStoreReader.ListAuditRecordsAsync(Guid issueId)
    {
        ThrowIfClosed();
        return new(ListAuditRecords(issueId));
    }

    ValueTask<IReadOnlyDictionary<IssueStatus, int>> IIssueStoreReader.CountIssuesByStatusAsync(IssueListFilter filter)
    {
        ThrowIfClosed();
        return new(CountIssuesByStatus(filter));
    }

    ValueTask<IReadOnlyList<IssueDayCount>> IIssueStoreReader.CountOccurrencesByDayAsync(IReadOnlyCollection<Guid> issueIds, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(issueIds);
        ThrowIfClosed();
        return new(CountOccurrencesByDay(issueIds, since));
    }
}
