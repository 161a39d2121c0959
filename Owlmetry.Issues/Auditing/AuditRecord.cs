using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Auditing;

/// <summary>A trace of a status change, a merge, or a comment edit or deletion: who did what, and the state before and after.</summary>
public sealed record AuditRecord
{
    /// <summary>The record id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The project of the issue.</summary>
    public required Guid ProjectId { get; init; }

    /// <summary>The issue acted on (the merge target for merges).</summary>
    public required Guid IssueId { get; init; }

    /// <summary>What the actor was.</summary>
    public required ActorKind ActorKind { get; init; }

    /// <summary>The user or key id.</summary>
    public required Guid ActorId { get; init; }

    /// <summary>The user's or key's name at the time.</summary>
    public required string ActorName { get; init; }

    /// <summary>What happened: one of <see cref="AuditActions"/>.</summary>
    public required string Action { get; init; }

    /// <summary>The status before (for a comment's edit or deletion, the issue's status then, as after).</summary>
    public required IssueStatus FromStatus { get; init; }

    /// <summary>The status after.</summary>
    public required IssueStatus ToStatus { get; init; }

    /// <summary>The resolved-at version before.</summary>
    public string? FromResolvedAtVersion { get; init; }

    /// <summary>The resolved-at version after.</summary>
    public string? ToResolvedAtVersion { get; init; }

    /// <summary>For merges: the source issue that was merged in and deleted.</summary>
    public Guid? MergedIssueId { get; init; }

    /// <summary>For a comment's edit or deletion: the comment.</summary>
    public Guid? CommentId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
