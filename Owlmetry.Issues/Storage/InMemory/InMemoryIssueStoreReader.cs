using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Querying;

namespace Owlmetry.Issues.Storage.InMemory;

internal partial class InMemoryIssueStoreReader(InMemoryIssueData data) : IIssueStoreReader
{
    protected InMemoryIssueData Data { get; } = data;

    public Issue? FindIssue(Guid issueId) => Data.Issues.GetValueOrDefault(issueId);

    public IReadOnlyList<Issue> ListIssues(IssueListFilter filter, IssueSort sort, KeysetKey? after, int take) =>
        Data.Issues.Values
            .Where(filter.Matches)
            .Select(issue => (Issue: issue, Key: sort.KeyOf(issue)))
            .Where(row => row.Key.IsAfter(after))
            .OrderByDescending(row => row.Key)
            .Take(take)
            .Select(row => row.Issue)
            .ToList();

    public Guid? FindIssueIdByFingerprint(FingerprintKey key) =>
        Data.Fingerprints.TryGetValue(key, out var issueId) ? issueId : null;

    public IReadOnlyList<IssueOccurrence> ListOccurrences(Guid issueId, KeysetKey? after, int take) =>
        OccurrencesOf(issueId)
            .Where(occurrence => KeysetKey.Of(occurrence).IsAfter(after))
            .OrderByDescending(KeysetKey.Of)
            .Take(take)
            .ToList();

    public IReadOnlyList<IssueOccurrence> GetAllOccurrences(Guid issueId) => OccurrencesOf(issueId).ToList();

    public bool HasOccurrenceInSession(Guid issueId, Guid sessionId) =>
        Data.Occurrences.TryGetValue(issueId, out var bySession) && bySession.ContainsKey(sessionId);

    public IssueComment? FindComment(Guid commentId) => Data.Comments.GetValueOrDefault(commentId);

    public IReadOnlyList<IssueComment> ListComments(Guid issueId) =>
        Data.Comments.Values
            .Where(comment => comment.IssueId == issueId && comment.DeletedAt is null)
            .OrderBy(comment => comment.CreatedAt)
            .ThenBy(comment => comment.Id)
            .ToList();

    public IReadOnlyList<IssueAttachment> ListAttachments(Guid issueId, int take) =>
        Data.Attachments.Values
            .Where(attachment => attachment.IssueId == issueId && attachment.IsUploaded && attachment.DeletedAt is null)
            .OrderByDescending(attachment => attachment.CreatedAt)
            .ThenByDescending(attachment => attachment.Id)
            .Take(take)
            .ToList();

    public IReadOnlyList<AuditRecord> ListAuditRecords(Guid issueId) =>
        Data.AuditRecords.Where(record => record.IssueId == issueId).ToList();

    public IReadOnlyDictionary<IssueStatus, int> CountIssuesByStatus(IssueListFilter filter) =>
        Data.Issues.Values
            .Where(filter.Matches)
            .GroupBy(issue => issue.Status)
            .ToDictionary(group => group.Key, group => group.Count());

    public IReadOnlyList<IssueDayCount> CountOccurrencesByDay(IReadOnlyCollection<Guid> issueIds, DateTimeOffset since) =>
        [.. issueIds.Distinct().SelectMany(issueId => OccurrencesOf(issueId)
            .Where(occurrence => occurrence.Timestamp >= since)
            .GroupBy(occurrence => DateOnly.FromDateTime(occurrence.Timestamp.UtcDateTime))
            .Select(day => new IssueDayCount(issueId, day.Key, day.Count())))];

    private IEnumerable<IssueOccurrence> OccurrencesOf(Guid issueId) =>
        Data.Occurrences.TryGetValue(issueId, out var bySession) ? bySession.Values : [];
}
