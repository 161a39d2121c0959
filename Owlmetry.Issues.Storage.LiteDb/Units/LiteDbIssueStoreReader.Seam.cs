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
        EnsureInUnit();
        return new(FindAttachment(attachmentId));
    }

    ValueTask<IReadOnlyList<IssueAttachment>> IIssueStoreReader.ListAttachmentsAsync(AttachmentListFilter filter, KeysetKey? after, int take)
    {
        EnsureInUnit();
        return new(ListAttachments(filter, after, take));
    }

    ValueTask<IReadOnlyList<IssueAttachment>> IIssueStoreReader.ListAttachmentsOfClientEventAsync(Guid appId, Guid clientEventId)
    {
        EnsureInUnit();
        return new(ListAttachmentsOfClientEvent(appId, clientEventId));
    }

    ValueTask<long> IIssueStoreReader.GetProjectAttachmentBytesAsync(Guid projectId)
    {
        EnsureInUnit();
        return new(GetProjectAttachmentBytes(projectId));
    }

    ValueTask<long> IIssueStoreReader.GetUserAttachmentBytesAsync(Guid projectId, string userId)
    {
        EnsureInUnit();
        return new(GetUserAttachmentBytes(projectId, userId));
    }

    ValueTask<IReadOnlyList<IssueAttachment>> IIssueStoreReader.ListAttachmentsToPurgeAsync(DateTimeOffset deletedBefore, DateTimeOffset reservedBefore, int take)
    {
        EnsureInUnit();
        return new(ListAttachmentsToPurge(deletedBefore, reservedBefore, take));
    }

    ValueTask<ErrorEvent?> IIssueStoreReader.FindEventAsync(Guid eventId)
    {
        EnsureInUnit();
        return new(FindEvent(eventId));
    }

    ValueTask<IReadOnlyList<ErrorEvent>> IIssueStoreReader.ListEventsAsync(EventListFilter filter, EventOrder order, KeysetKey? after, int take)
    {
        EnsureInUnit();
        return new(ListEvents(filter, order, after, take));
    }

    ValueTask<IReadOnlyDictionary<FingerprintKey, Guid>> IIssueStoreReader.ListFingerprintsAsync(Guid appId)
    {
        EnsureInUnit();
        return new(ListFingerprints(appId));
    }

    ValueTask<IReadOnlyDictionary<Guid, int>> IIssueStoreReader.CountOccurrencesByIssueAsync()
    {
        EnsureInUnit();
        return new(CountOccurrencesByIssue());
    }

    ValueTask<OutboxNotification?> IIssueStoreReader.FindNotificationAsync(Guid notificationId)
    {
        EnsureInUnit();
        return new(FindNotification(notificationId));
    }

    ValueTask<IReadOnlyList<OutboxNotification>> IIssueStoreReader.ListPendingNotificationsAsync(int take)
    {
        EnsureInUnit();
        return new(ListPendingNotifications(take));
    }

    ValueTask<IReadOnlyList<Guid>> IIssueStoreReader.ListProjectsAwaitingDigestAsync()
    {
        EnsureInUnit();
        return new(ListProjectsAwaitingDigest());
    }

    ValueTask<IReadOnlyList<Issue>> IIssueStoreReader.ListIssuesAwaitingDigestAsync(Guid projectId, int take)
    {
        EnsureInUnit();
        return new(ListIssuesAwaitingDigest(projectId, take));
    }

    ValueTask<DateTimeOffset?> IIssueStoreReader.GetLastDigestAtAsync(Guid projectId)
    {
        EnsureInUnit();
        return new(GetLastDigestAt(projectId));
    }

    ValueTask<IReadOnlyList<ScanRun>> IIssueStoreReader.ListScanRunsOfTeamAsync(Guid teamId, KeysetKey? after, int take)
    {
        EnsureInUnit();
        return new(ListScanRunsOfTeam(teamId, after, take));
    }

    ValueTask<long> IIssueStoreReader.GetScanCheckpointAsync()
    {
        EnsureInUnit();
        return new(GetScanCheckpoint());
    }

    ValueTask<long> IIssueStoreReader.GetLastEventSequenceAsync()
    {
        EnsureInUnit();
        return new(GetLastEventSequence());
    }

    ValueTask<IReadOnlyList<ErrorEvent>> IIssueStoreReader.ListEventsAfterAsync(long sequence, int take)
    {
        EnsureInUnit();
        return new(ListEventsAfter(sequence, take));
    }

    ValueTask<bool> IIssueStoreReader.HasClientEventAsync(Guid appId, Guid clientEventId)
    {
        EnsureInUnit();
        return new(HasClientEvent(appId, clientEventId));
    }

    ValueTask<long?> IIssueStoreReader.FindEventSequenceOfClientEventAsync(Guid appId, Guid clientEventId)
    {
        EnsureInUnit();
        return new(FindEventSequenceOfClientEvent(appId, clientEventId));
    }

    ValueTask<IReadOnlySet<Guid>> IIssueStoreReader.FindClientEventsAsync(Guid appId, IReadOnlyCollection<Guid> clientEventIds)
    {
        EnsureInUnit();
        return new(FindClientEvents(appId, clientEventIds));
    }

    ValueTask<bool> IIssueStoreReader.HasOccurrenceOfUserAsync(Guid issueId, string userId)
    {
        EnsureInUnit();
        return new(HasOccurrenceOfUser(issueId, userId));
    }

    ValueTask<ScanRun?> IIssueStoreReader.FindScanRunAsync(Guid runId)
    {
        EnsureInUnit();
        return new(FindScanRun(runId));
    }

    ValueTask<IReadOnlyList<ScanRun>> IIssueStoreReader.ListScanRunsAsync(int take)
    {
        EnsureInUnit();
        return new(ListScanRuns(take));
    }

    ValueTask<Issue?> IIssueStoreReader.FindIssueAsync(Guid issueId)
    {
        EnsureInUnit();
        return new(FindIssue(issueId));
    }

    ValueTask<IReadOnlyList<Issue>> IIssueStoreReader.ListIssuesAsync(IssueListFilter filter, IssueSort sort, KeysetKey? after, int take)
    {
        EnsureInUnit();
        return new(ListIssues(filter, sort, after, take));
    }

    ValueTask<Guid?> IIssueStoreReader.FindIssueIdByFingerprintAsync(FingerprintKey key)
    {
        EnsureInUnit();
        return new(FindIssueIdByFingerprint(key));
    }

    ValueTask<IReadOnlyList<IssueOccurrence>> IIssueStoreReader.ListOccurrencesAsync(Guid issueId, KeysetKey? after, int take)
    {
        EnsureInUnit();
        return new(ListOccurrences(issueId, after, take));
    }

    ValueTask<IReadOnlyList<IssueOccurrence>> IIssueStoreReader.GetAllOccurrencesAsync(Guid issueId)
    {
        EnsureInUnit();
        return new(GetAllOccurrences(issueId));
    }

    ValueTask<bool> IIssueStoreReader.HasOccurrenceInSessionAsync(Guid issueId, Guid sessionId)
    {
        EnsureInUnit();
        return new(HasOccurrenceInSession(issueId, sessionId));
    }

    ValueTask<IssueComment?> IIssueStoreReader.FindCommentAsync(Guid commentId)
    {
        EnsureInUnit();
        return new(FindComment(commentId));
    }

    ValueTask<IReadOnlyList<IssueComment>> IIssueStoreReader.ListCommentsAsync(Guid issueId)
    {
        EnsureInUnit();
        return new(ListComments(issueId));
    }

    ValueTask<IReadOnlyList<IssueAttachment>> IIssueStoreReader.ListAttachmentsAsync(Guid issueId, int take)
    {
        EnsureInUnit();
        return new(ListAttachments(issueId, take));
    }

    ValueTask<IReadOnlyList<AuditRecord>> IIssueStoreReader.ListAuditRecordsAsync(Guid issueId)
    {
        EnsureInUnit();
        return new(ListAuditRecords(issueId));
    }

    ValueTask<IReadOnlyDictionary<IssueStatus, int>> IIssueStoreReader.CountIssuesByStatusAsync(IssueListFilter filter)
    {
        EnsureInUnit();
        return new(CountIssuesByStatus(filter));
    }

    ValueTask<IReadOnlyList<IssueDayCount>> IIssueStoreReader.CountOccurrencesByDayAsync(IReadOnlyCollection<Guid> issueIds, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(issueIds);
        EnsureInUnit();
        return new(CountOccurrencesByDay(issueIds, since));
    }

    ValueTask<OccurrenceSplits> IIssueStoreReader.SplitOccurrencesAsync(Guid issueId)
    {
        EnsureInUnit();
        return new(SplitOccurrences(issueId));
    }
}
