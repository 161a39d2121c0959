using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Comments;

/// <summary>The rules of comments: body bounds, and who may edit or delete.</summary>
internal static class CommentRules
{
    /// <summary>The longest comment body accepted, after trimming.</summary>
    public const int MaxBodyLength = 10_000;

    /// <summary>Trims a body and checks its length and its text (<see cref="StoredText"/>).</summary>
    /// <returns>The trimmed body, or an invalid-input error.</returns>
    public static IssueResult<string> NormalizeBody(string? body)
    {
        var trimmed = body?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return IssueError.Invalid("body is required");
        }

        if (trimmed.Length > MaxBodyLength)
        {
            return IssueError.Invalid($"body must be at most {MaxBodyLength} characters");
        }

        return StoredText.ContainsNul(trimmed) ? StoredText.NulRefused("body") : trimmed;
    }

    /// <summary>Only the original author may edit a comment.</summary>
    public static bool CanEdit(Actor actor, IssueComment comment)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(comment);
        return comment.Author.Type == actor.AsAuthor().Type && comment.Author.Id == actor.Id;
    }

    /// <summary>The author, or a user who is owner or admin of the project's team, may delete a comment.</summary>
    public static bool CanDelete(Actor actor, IssueComment comment, Guid teamId) =>
        CanEdit(actor, comment) || actor.IsTeamAdmin(teamId);
}
