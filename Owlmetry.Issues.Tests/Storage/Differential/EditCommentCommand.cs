using Owlmetry.Issues.Access;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>Edits a comment; only its author may.</summary>
internal sealed record EditCommentCommand(CommentTarget Comment, Actor Actor, string? Body) : WorldCommand
{
    public override async Task<string> RunAsync(ProviderSide side, StateView before)
    {
        var (projectId, issueId, commentId) = Comment.Resolve(side, before);
        return StateText.Outcome(
            await side.Service.EditCommentAsync(Actor, projectId, issueId, commentId, Body),
            c => CommentTarget.Describe(side, c));
    }

    public override string ToString() => $"edit {Comment} to {CommentTarget.Abbreviate(Body)} as {Actor.Name}";
}
