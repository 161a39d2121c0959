using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>Moves an issue to a status, allowed by the lifecycle or not.</summary>
internal sealed record ChangeStatusCommand(Guid ProjectId, Actor Actor, IssueHandle Issue, IssueStatus Target, string? ResolvedAtVersion) : WorldCommand
{
    public override async Task<string> RunAsync(ProviderSide side, StateView before) => StateText.Outcome(
        await side.Service.ChangeStatusAsync(Actor, ProjectId, Issue.Resolve(side, before), Target, ResolvedAtVersion),
        item => IssueFields.Summary(item.Issue));

    public override string ToString() =>
        $"set {Issue} to {Target.ToWireName()} (version {StateText.Text(ResolvedAtVersion)}) as {Actor.Name}";
}
