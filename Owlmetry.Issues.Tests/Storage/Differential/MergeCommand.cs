using Owlmetry.Issues.Access;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>Merges one issue into another; the handles may name the same issue, another project's, or one merged away.</summary>
internal sealed record MergeCommand(Guid ProjectId, Actor Actor, IssueHandle Target, IssueHandle Source) : WorldCommand
{
    public override async Task<string> RunAsync(ProviderSide side, StateView before)
    {
        var source = Source.Resolve(side, before);
        var result = await side.Service.MergeAsync(Actor, ProjectId, Target.Resolve(side, before), source);
        if (result.IsSuccess)
        {
            side.MergedAway.Add(source);
        }

        return StateText.Outcome(result, item => IssueFields.Summary(item.Issue));
    }

    public override string ToString() =>
        $"merge {Source} into {Target} in {DifferentialTenancy.Projects.First(p => p.Id == ProjectId).Name} as {Actor.Name}";
}
