using Owlmetry.Issues.Access;
using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>Builds an <see cref="AuditRecord"/> of a user resolving an issue.</summary>
internal sealed class AuditRecordBuilder
{
    private AuditRecord _record;

    public AuditRecordBuilder(Guid issueId)
    {
        _record = new AuditRecord
        {
            Id = Guid.NewGuid(),
            ProjectId = TestIds.Project,
            IssueId = issueId,
            ActorKind = ActorKind.User,
            ActorId = Guid.NewGuid(),
            ActorName = "Ada Lovelace",
            Action = AuditActions.StatusChanged,
            FromStatus = IssueStatus.New,
            ToStatus = IssueStatus.Resolved,
            ToResolvedAtVersion = "2.4.1",
            CreatedAt = TestTimes.Base,
        };
    }

    public AuditRecordBuilder WithAction(string action) => With(_record with { Action = action });

    public AuditRecordBuilder CreatedAt(DateTimeOffset time) => With(_record with { CreatedAt = time });

    /// <summary>A merge by an agent: every optional member set.</summary>
    public AuditRecordBuilder AsMerge() => With(_record with
    {
        ActorKind = ActorKind.Agent,
        ActorName = "triage-bot",
        Action = AuditActions.Merged,
        FromStatus = IssueStatus.Resolved,
        ToStatus = IssueStatus.Resolved,
        FromResolvedAtVersion = "2.4.0",
        ToResolvedAtVersion = "2.4.0",
        MergedIssueId = Guid.NewGuid(),
    });

    /// <summary>A user's deletion of a comment on a resolved issue.</summary>
    public AuditRecordBuilder AsCommentDeletion() => With(_record with
    {
        Action = AuditActions.CommentDeleted,
        FromStatus = IssueStatus.Resolved,
        ToStatus = IssueStatus.Resolved,
        FromResolvedAtVersion = "2.4.1",
        CommentId = Guid.NewGuid(),
    });

    public AuditRecord Build() => _record;

    private AuditRecordBuilder With(AuditRecord record)
    {
        _record = record;
        return this;
    }
}
