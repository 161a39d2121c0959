using Owlmetry.Issues.Access;
using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Claims;
using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Storage.InMemory;

/// <summary>The writes of one unit of work, each journaled with its inverse so that a failed unit is undone.</summary>
internal sealed partial class InMemoryIssueStoreTransaction(InMemoryIssueData data) : InMemoryIssueStoreReader(data), IIssueStoreWriter
{
    private readonly Stack<Action> _undo = new();

    public void Rollback()
    {
        while (_undo.TryPop(out var undo))
        {
            undo();
        }
    }

    public void InsertIssue(Issue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (!Data.Issues.TryAdd(issue.Id, Freeze(issue)))
        {
            throw new IssueStoreConflictException($"Issue {issue.Id} already exists.");
        }

        _undo.Push(() => Data.Issues.Remove(issue.Id));
    }

    public void UpdateIssue(Issue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var previous = Data.Issues.GetValueOrDefault(issue.Id)
            ?? throw new InvalidOperationException($"Issue {issue.Id} does not exist.");
        Data.Issues[issue.Id] = Freeze(issue);
        _undo.Push(() => Data.Issues[issue.Id] = previous);
    }

    public int EndClaimsHeldBy(ActorKind holderKind, Guid holderId, IReadOnlyCollection<Guid> projectIds)
    {
        var held = Data.Issues.Values
            .Where(issue => issue.Claim is { } claim && ClaimRules.IsHeldBy(claim, holderKind, holderId) && projectIds.Contains(issue.ProjectId))
            .ToList();
        foreach (var issue in held)
        {
            UpdateIssue(issue with { Claim = null });
        }

        return held.Count;
    }

    public void DeleteIssue(Guid issueId)
    {
        if (Data.Issues.Remove(issueId, out var previous))
        {
            _undo.Push(() => Data.Issues[issueId] = previous);
        }
    }

    public void AssignFingerprint(FingerprintKey key, Guid issueId)
    {
        var had = Data.Fingerprints.TryGetValue(key, out var previous);
        Data.Fingerprints[key] = issueId;
        _undo.Push(had ? () => Data.Fingerprints[key] = previous : () => Data.Fingerprints.Remove(key));
    }

    public void MoveFingerprints(Guid fromIssueId, Guid toIssueId)
    {
        foreach (var key in Data.Fingerprints.Where(alias => alias.Value == fromIssueId).Select(alias => alias.Key).ToList())
        {
            AssignFingerprint(key, toIssueId);
        }
    }

    public void InsertOccurrence(IssueOccurrence occurrence)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        if (!Data.Occurrences.TryGetValue(occurrence.IssueId, out var bySession))
        {
            bySession = [];
            Data.Occurrences[occurrence.IssueId] = bySession;
        }

        if (!bySession.TryAdd(occurrence.SessionId, occurrence))
        {
            throw new IssueStoreConflictException($"Issue {occurrence.IssueId} already has an occurrence of session {occurrence.SessionId}.");
        }

        _undo.Push(() => bySession.Remove(occurrence.SessionId));
    }

    public OccurrenceSummary MergeOccurrences(Guid fromIssueId, Guid toIssueId)
    {
        if (fromIssueId != toIssueId && Data.Occurrences.Remove(fromIssueId, out var moving))
        {
            _undo.Push(() => Data.Occurrences[fromIssueId] = moving);
            foreach (var occurrence in moving.Values.Where(o => !HasOccurrenceInSession(toIssueId, o.SessionId)))
            {
                InsertOccurrence(occurrence with { IssueId = toIssueId });
            }
        }

        return OccurrenceSummary.Of(GetAllOccurrences(toIssueId));
    }

    public void InsertComment(IssueComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        if (!Data.Comments.TryAdd(comment.Id, comment))
        {
            throw new IssueStoreConflictException($"Comment {comment.Id} already exists.");
        }

        _undo.Push(() => Data.Comments.Remove(comment.Id));
    }

    public void UpdateComment(IssueComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var previous = Data.Comments.GetValueOrDefault(comment.Id)
            ?? throw new InvalidOperationException($"Comment {comment.Id} does not exist.");
        Data.Comments[comment.Id] = comment;
        _undo.Push(() => Data.Comments[comment.Id] = previous);
    }

    public void MoveComments(Guid fromIssueId, Guid toIssueId)
    {
        foreach (var comment in Data.Comments.Values.Where(c => c.IssueId == fromIssueId).ToList())
        {
            UpdateComment(comment with { IssueId = toIssueId });
        }
    }

    public void UpsertAttachment(IssueAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var had = Data.Attachments.TryGetValue(attachment.Id, out var previous);
        Data.Attachments[attachment.Id] = attachment;
        _undo.Push(had ? () => Data.Attachments[attachment.Id] = previous! : () => Data.Attachments.Remove(attachment.Id));
    }

    public void MoveAttachments(Guid fromIssueId, Guid toIssueId)
    {
        foreach (var attachment in Data.Attachments.Values.Where(a => a.IssueId == fromIssueId).ToList())
        {
            UpsertAttachment(attachment with { IssueId = toIssueId });
        }
    }

    public void AppendAudit(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Data.AuditRecords.Add(record);
        _undo.Push(() => Data.AuditRecords.RemoveAt(Data.AuditRecords.Count - 1));
    }

    // The fingerprint list is the one mutable-typed member of Issue: copy it so a caller's list cannot change the store.
    private static Issue Freeze(Issue issue) => issue with { Fingerprints = [.. issue.Fingerprints] };
}
