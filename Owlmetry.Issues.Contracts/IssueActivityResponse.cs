using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Contracts;

/// <summary>One audit record of an issue: a status change, a merge, or a comment's edit or deletion, who made it and when.</summary>
/// <param name="Action"><c>issue.status_changed</c>, <c>issue.merged</c>, <c>comment.edited</c> or <c>comment.deleted</c>.</param>
/// <param name="ActorType"><c>user</c> or <c>agent</c>.</param>
/// <param name="ActorId">The user's or key's id.</param>
/// <param name="ActorName">The user's or key's name.</param>
/// <param name="FromStatus">The status before.</param>
/// <param name="ToStatus">The status after.</param>
/// <param name="FromResolvedAtVersion">The resolved version before.</param>
/// <param name="ToResolvedAtVersion">The resolved version after.</param>
/// <param name="MergedIssueId">For a merge, the issue merged in (now deleted).</param>
/// <param name="CreatedAt">When.</param>
public sealed record IssueActivityResponse(
    string Action,
    string ActorType,
    Guid ActorId,
    string ActorName,
    string FromStatus,
    string ToStatus,
    string? FromResolvedAtVersion,
    string? ToResolvedAtVersion,
    Guid? MergedIssueId,
    DateTimeOffset CreatedAt)
{
    /// <summary>For a comment's edit or deletion, the comment; left out of the JSON otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? CommentId { get; init; }
}
