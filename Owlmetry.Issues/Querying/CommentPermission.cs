namespace Owlmetry.Issues.Querying;

/// <summary>What the caller may do with one comment, by the comment rules (edit: its author; delete: its author or a team admin).</summary>
/// <param name="CommentId">The comment.</param>
/// <param name="CanEdit">Whether the caller may edit it.</param>
/// <param name="CanDelete">Whether the caller may delete it.</param>
public sealed record CommentPermission(Guid CommentId, bool CanEdit, bool CanDelete);
