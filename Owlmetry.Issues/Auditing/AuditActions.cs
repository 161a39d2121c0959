namespace Owlmetry.Issues.Auditing;

/// <summary>The actions an <see cref="AuditRecord"/> can record.</summary>
public static class AuditActions
{
    /// <summary>A manual status change.</summary>
    public const string StatusChanged = "issue.status_changed";

    /// <summary>A merge of a source issue into the audited target.</summary>
    public const string Merged = "issue.merged";

    /// <summary>An edit of a comment's body by its author; <see cref="AuditRecord.CommentId"/> names the comment.</summary>
    public const string CommentEdited = "comment.edited";

    /// <summary>A (soft) deletion of a comment; <see cref="AuditRecord.CommentId"/> names the comment.</summary>
    public const string CommentDeleted = "comment.deleted";
}
