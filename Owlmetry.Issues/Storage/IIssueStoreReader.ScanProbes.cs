using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Storage;

/// <summary>
/// The scan's lookups for a whole batch at once: each answers what the single-item read would for every item, and a
/// provider whose reads are round trips may answer in one statement. Duplicates in the input are allowed, and what the
/// unit wrote earlier counts as stored.
/// </summary>
public partial interface IIssueStoreReader
{
    /// <summary>
    /// The issue ids <paramref name="keys"/> are aliased to, as <see cref="FindIssueIdByFingerprintAsync"/> answers one
    /// by one; unknown fingerprints are left out.
    /// </summary>
    /// <returns>The known keys and their issues' ids.</returns>
    async ValueTask<IReadOnlyDictionary<FingerprintKey, Guid>> FindIssueIdsByFingerprintsAsync(IReadOnlyCollection<FingerprintKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var aliases = new Dictionary<FingerprintKey, Guid>();
        foreach (var key in keys.Distinct())
        {
            if (await FindIssueIdByFingerprintAsync(key).ConfigureAwait(false) is { } issueId)
            {
                aliases[key] = issueId;
            }
        }

        return aliases;
    }

    /// <summary>The issues with <paramref name="issueIds"/>, as <see cref="FindIssueAsync"/> reads them one by one; missing ones are left out.</summary>
    /// <returns>The issues found, by id.</returns>
    async ValueTask<IReadOnlyDictionary<Guid, Issue>> FindIssuesAsync(IReadOnlyCollection<Guid> issueIds)
    {
        ArgumentNullException.ThrowIfNull(issueIds);
        var issues = new Dictionary<Guid, Issue>();
        foreach (var issueId in issueIds.Distinct())
        {
            if (await FindIssueAsync(issueId).ConfigureAwait(false) is { } issue)
            {
                issues[issueId] = issue;
            }
        }

        return issues;
    }

    /// <summary>Of the (issue, session) <paramref name="pairs"/>, those whose issue already has the session's occurrence (<see cref="HasOccurrenceInSessionAsync"/>).</summary>
    /// <returns>The pairs that have an occurrence.</returns>
    async ValueTask<IReadOnlySet<(Guid IssueId, Guid SessionId)>> FindOccurrenceSessionsAsync(IReadOnlyCollection<(Guid IssueId, Guid SessionId)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var found = new HashSet<(Guid IssueId, Guid SessionId)>();
        foreach (var pair in pairs.Distinct())
        {
            if (await HasOccurrenceInSessionAsync(pair.IssueId, pair.SessionId).ConfigureAwait(false))
            {
                found.Add(pair);
            }
        }

        return found;
    }

    /// <summary>Of the (issue, user) <paramref name="pairs"/>, those whose issue already has an occurrence of the user (<see cref="HasOccurrenceOfUserAsync"/>).</summary>
    /// <returns>The pairs that have an occurrence.</returns>
    async ValueTask<IReadOnlySet<(Guid IssueId, string UserId)>> FindOccurrenceUsersAsync(IReadOnlyCollection<(Guid IssueId, string UserId)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var found = new HashSet<(Guid IssueId, string UserId)>();
        foreach (var pair in pairs.Distinct())
        {
            if (await HasOccurrenceOfUserAsync(pair.IssueId, pair.UserId).ConfigureAwait(false))
            {
                found.Add(pair);
            }
        }

        return found;
    }

    /// <summary>
    /// Every attachment of the (app, client event id) pairs, as <see cref="ListAttachmentsOfClientEventAsync"/> lists
    /// them one pair at a time; each attachment once, in no particular order.
    /// </summary>
    /// <returns>The attachments, reserved or deleted ones included.</returns>
    async ValueTask<IReadOnlyList<IssueAttachment>> ListAttachmentsOfClientEventsAsync(IReadOnlyCollection<(Guid AppId, Guid ClientEventId)> clientEvents)
    {
        ArgumentNullException.ThrowIfNull(clientEvents);
        var attachments = new List<IssueAttachment>();
        foreach (var (appId, clientEventId) in clientEvents.Distinct())
        {
            attachments.AddRange(await ListAttachmentsOfClientEventAsync(appId, clientEventId).ConfigureAwait(false));
        }

        return attachments;
    }
}
