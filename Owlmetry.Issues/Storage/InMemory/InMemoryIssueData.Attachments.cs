namespace Owlmetry.Issues.Storage.InMemory;

internal sealed partial class InMemoryIssueData
{
    public Dictionary<(Guid AppId, Guid ClientEventId), EventLanding> EventLandings { get; } = [];
}
