using Owlmetry.Issues.Access;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>Deletes a comment; its author or an owner or admin of the team may.</summary>
internal sealed record DeleteCommentCommand(CommentTarget Comment, Actor Actor) : WorldCommand
{
    public override async Task<string> RunAsync(ProviderSide side, StateView before)
    {
        var (projectId, issueId, commentId) = Comment.Resolve(side, before);
        return StateText.Outcome(
            await side.Service.DeleteCommentAsync(Actor, projectId, issueId, commentId),
            c => CommentTarget.Describe(side, c));
    }

    public override string ToString() => $"delete {Comment} as {Actor.Name}";
}
