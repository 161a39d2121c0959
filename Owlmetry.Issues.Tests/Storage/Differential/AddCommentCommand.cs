using Owlmetry.Issues.Access;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>Comments on an issue; blank and oversized bodies are refused.</summary>
internal sealed record AddCommentCommand(Guid ProjectId, Actor Actor, IssueHandle Issue, string? Body) : WorldCommand
{
    public override async Task<string> RunAsync(ProviderSide side, StateView before)
    {
        var result = await side.Service.AddCommentAsync(Actor, ProjectId, Issue.Resolve(side, before), Body);
        if (result.IsSuccess)
        {
            side.Comments.Add(new RegisteredComment(result.Value.Id, ProjectId, result.Value.IssueId));
        }

        return StateText.Outcome(result, c => CommentTarget.Describe(side, c));
    }

    public override string ToString() => $"comment {CommentTarget.Abbreviate(Body)} on {Issue} as {Actor.Name}";
}
