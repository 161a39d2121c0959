namespace Owlmetry.Issues.Contracts;

/// <summary>What the caller may do with one comment.</summary>
/// <param name="Id">The comment.</param>
/// <param name="CanEdit">Whether a PATCH by the caller would be allowed.</param>
/// <param name="CanDelete">Whether a DELETE by the caller would be allowed.</param>
public sealed record CommentPermissionResponse(Guid Id, bool CanEdit, bool CanDelete);
