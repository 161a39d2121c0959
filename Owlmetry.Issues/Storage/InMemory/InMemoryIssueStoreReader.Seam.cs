using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Events;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.Storage.InMemory;

// The seam's asynchronous members over this synchronous engine: each one completes before it returns.
internal partial class InMemoryIssueStoreReader
{
    ValueTask<IssueAttachment?> IIssueStoreReader.FindAttachmentAsync(Guid attachmentId)
    {
        return new(FindAttachment(attachmentId));
    }

    ValueTask<IReadOnlyList<IssueAttachment>> IIssueStoreReader.ListAttachmentsAsync(AttachmentListFilter filter, KeysetKey? after, int take)
    {
        return new(ListAttachments(filter, after, take));
    }

    ValueTask<IReadOnlyList<IssueAttachment>> IIssueStoreReader.ListAttachmentsOfClientEventAsync(Guid appId, Guid clientEventId)
    {
        return new(ListAttachmentsOfClientEvent(appId, clientEventId));
    }

    ValueTask<long> IIssueStoreReader.GetProjectAttachmentBytesAsync(Guid projectId)
    {
        return new(GetProjectAttachmentBytes(projectId));
    }

    ValueTask<long> IIssueStoreReader.GetUserAttachmentBytesAsync(Guid projectId, string userId)
    {
        return new(GetUserAttachmentBytes(projectId, userId));
    }

    ValueTask<IReadOnlyList<IssueAttachment>> IIssueStoreReader.ListAttachmentsToPurgeAsync(DateTimeOffset deletedBefore, DateTimeOffset reservedBefore, int take)
    {
        return new(ListAttachmentsToPurge(deletedBefore, reservedBefore, take));
    }

    ValueTask<ErrorEvent?> IIssueStoreReader.FindEventAsync(Guid eventId)
    {
        return new(FindEvent(eventId));
    }

    ValueTask<IReadOnlyList<ErrorEvent>> IIssueStoreReader.ListEventsAsync(EventListFilter filter, EventOrder order, KeysetKey? after, int take)
    {
        return new(ListEvents(filter, order, after, take));
    }

    ValueTask<IReadOnlyDictionary<FingerprintKey, Guid>> IIssueStoreReader.ListFingerprintsAsync(Guid appId)
    {
        return new(ListFingerprints(appId));
    }

    ValueTask<IReadOnlyDictionary<Guid, int>> IIssueStoreReader.CountOccurrencesByIssueAsync()
    {
        return new(CountOccurrencesByIssue());
    }

    ValueTask<OutboxNotification?> IIssueStoreReader.FindNotificationAsync(Guid notificationId)
    {
        return new(FindNotification(notificationId));
    }

    ValueTask<IReadOnlyList<OutboxNotification>> IIssueStoreReader.ListPendingNotificationsAsync(int take)
    {
        return new(ListPendingNotifications(take));
    }

    ValueTask<IReadOnlyList<Guid>> IIssueStoreReader.ListProjectsAwaitingDigestAsync()
    {
        return new(ListProjectsAwaitingDigest());
    }

    ValueTask<IReadOnlyList<Issue>> IIssueStoreReader.ListIssuesAwaitingDigestAsync(Guid projectId, int take)
    {
        return new(ListIssuesAwaitingDigest(projectId, take));
    }

    ValueTask<DateTimeOffset?> IIssueStoreReader.GetLastDigestAtAsync(Guid projectId)
    {
        return new(GetLastDigestAt(projectId));
    }

    ValueTask<IReadOnlyList<ScanRun>> IIssueStoreReader.ListScanRunsOfTeamAsync(Guid teamId, KeysetKey? after, int take)
    {
        return new(ListScanRunsOfTeam(teamId, after, take));
    }

    ValueTask<long> IIssueStoreReader.GetScanCheckpointAsync()
    {
        return new(GetScanCheckpoint());
    }

    ValueTask<long> IIssueStoreReader.GetLastEventSequenceAsync()
    {
        return new(GetLastEventSequence());
    }

    ValueTask<IReadOnlyList<ErrorEvent>> IIssueStoreReader.ListEventsAfterAsync(long sequence, int take)
    {
        return new(ListEventsAfter(sequence, take));
    }

    ValueTask<bool> IIssueStoreReader.HasClientEventAsync(Guid appId, Guid clientEventId)
    {
        return new(HasClientEvent(appId, clientEventId));
    }

    ValueTask<long?> IIssueStoreReader.FindEventSequenceOfClientEventAsync(Guid appId, Guid clientEventId)
    {
        return new(FindEventSequenceOfClientEvent(appId, clientEventId));
    }

    ValueTask<bool> IIssueStoreReader.HasOccurrenceOfUserAsync(Guid issueId, string userId)
    {
        return new(HasOccurrenceOfUser(issueId, userId));
    }

    ValueTask<ScanRun?> IIssueStoreReader.FindScanRunAsync(Guid runId)
    {
        return new(FindScanRun(runId));
    }

    ValueTask<IReadOnlyList<ScanRun>> IIssueStoreReader.ListScanRunsAsync(int take)
    {
        return new(ListScanRuns(take));
    }

    ValueTask<Issue?> IIssueStoreReader.FindIssueAsync(Guid issueId)
    {
        return new(FindIssue(issueId));
    }

    ValueTask<IReadOnlyList<Issue>> IIssueStoreReader.ListIssuesAsync(IssueListFilter filter, IssueSort sort, KeysetKey? after, int take)
    {
        return new(ListIssues(filter, sort, after, take));
    }

    ValueTask<Guid?> IIssueStoreReader.FindIssueIdByFingerprintAsync(FingerprintKey key)
    {
        return new(FindIssueIdByFingerprint(key));
    }

    ValueTask<IReadOnlyList<IssueOccurrence>> IIssueStoreReader.ListOccurrencesAsync(Guid issueId, KeysetKey? after, int take)
    {
        return new(ListOccurrences(issueId, after, take));
    }

    ValueTask<IReadOnlyList<IssueOccurrence>> IIssueStoreReader.GetAllOccurrencesAsync(Guid issueId)
    {
        return new(GetAllOccurrences(issueId));
    }

    ValueTask<bool> IIssueStoreReader.HasOccurrenceInSessionAsync(Guid issueId, Guid sessionId)
    {
        return new(HasOccurrenceInSession(issueId, sessionId));
    }

    ValueTask<IssueComment?> IIssueStoreReader.FindCommentAsync(Guid commentId)
    {
        return new(FindComment(commentId));
    }

    ValueTask<IReadOnlyList<IssueComment>> IIssueStoreReader.ListCommentsAsync(Guid issueId)
    {
        return new(ListComments(issueId));
    }

    ValueTask<IReadOnlyList<IssueAttachment>> IIssueStoreReader.ListAttachmentsAsync(Guid issueId, int take)
    {
        return new(ListAttachments(issueId, take));
    }

    ValueTask<IReadOnlyList<AuditRecord>> IIssueStoreReader.ListAuditRecordsAsync(Guid issueId)
    {
        return new(ListAuditRecords(issueId));
    }

    ValueTask<IReadOnlyDictionary<IssueStatus, int>> IIssueStoreReader.CountIssuesByStatusAsync(IssueListFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new(CountIssuesByStatus(filter));
    }

    ValueTask<IReadOnlyList<IssueDayCount>> IIssueStoreReader.CountOccurrencesByDayAsync(IReadOnlyCollection<Guid> issueIds, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(issueIds);
        return new(CountOccurrencesByDay(issueIds, since));
    }

    ValueTask<OccurrenceSplits> IIssueStoreReader.SplitOccurrencesAsync(Guid issueId) => new(OccurrenceSplits.Of(GetAllOccurrences(issueId)));
}
