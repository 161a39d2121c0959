using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>
/// A comment as an edit or delete names it: the n-th (modulo their number) comment created, deleted or not,
/// addressed on the issue it is on now (merges move comments) or, to be refused, on another live issue.
/// </summary>
internal sealed record CommentTarget(int Index, bool OnAnotherIssue)
{
    private static readonly Guid s_unknownComment = Guid.Parse("cc000000-0000-4000-8000-0000000000ff");

    public (Guid ProjectId, Guid IssueId, Guid CommentId) Resolve(ProviderSide side, StateView state)
    {
        if (side.Comments.Count == 0)
        {
            return (DifferentialTenancy.Shop.Id, new IssueHandle(IssueHandleKind.Unknown, DifferentialTenancy.Shop.Id, 0).Resolve(side, state), s_unknownComment);
        }

        var comment = side.Comments[Index % side.Comments.Count];
        var issueId = state.CommentIssues.GetValueOrDefault(comment.Id, comment.IssueId);
        if (OnAnotherIssue)
        {
            issueId = state.LiveIssues.GetValueOrDefault(comment.ProjectId, []).FirstOrDefault(id => id != issueId);
        }

        return (comment.ProjectId, issueId, comment.Id);
    }

    public static string Describe(ProviderSide side, IssueComment comment) =>
        $"{side.CommentLabel(comment.Id)} by {comment.Author.Name}: {StateText.Text(comment.Body)}";

    public static string Abbreviate(string? body) => body is { Length: > 40 } ? $"<{body.Length} characters>" : StateText.Text(body);

    public override string ToString() => $"comment #{Index}{(OnAnotherIssue ? " on another issue" : "")}";
}
