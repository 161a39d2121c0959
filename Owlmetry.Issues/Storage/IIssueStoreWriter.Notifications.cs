namespace Owlmetry.Issues.Storage;

/// <summary>The writes of notifications: the outbox and the digests.</summary>
public partial interface IIssueStoreWriter
{
    /// <summary>Adds a notification to the outbox; a second one with the same id throws <see cref="IssueStoreConflictException"/>.</summary>
    ValueTask AddNotificationAsync(OutboxNotification notification);

    /// <summary>Replaces an outbox notification (matched by id): its dispatch status, attempts and error.</summary>
    ValueTask UpdateNotificationAsync(OutboxNotification notification);

    /// <summary>Deletes dispatched and failed notifications created before <paramref name="cutoff"/>; pending ones stay.</summary>
    /// <returns>How many were deleted.</returns>
    ValueTask<int> DeleteNotificationsSettledBeforeAsync(DateTimeOffset cutoff);

    /// <summary>Records when the project's digest went out; done in the same unit as the digest's outbox entry.</summary>
    ValueTask SetLastDigestAtAsync(Guid projectId, DateTimeOffset at);
}
