using Owlmetry.Issues.Comments;

namespace Owlmetry.Issues.Domain;

/// <summary>A Markdown comment on an issue, written by a user or an agent.</summary>
public sealed record IssueComment
{
    /// <summary>The comment id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The issue commented on.</summary>
    public required Guid IssueId { get; init; }

    /// <summary>Who wrote the comment.</summary>
    public required CommentAuthor Author { get; init; }

    /// <summary>The comment text, trimmed, 1 to <see cref="CommentRules.MaxBodyLength"/> characters.</summary>
    public required string Body { get; init; }

    /// <summary>When the comment was written.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the comment was last edited (equals <see cref="CreatedAt"/> until then).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the comment was soft-deleted; deleted comments are hidden everywhere.</summary>
    public DateTimeOffset? DeletedAt { get; init; }
}
