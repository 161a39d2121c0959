namespace Owlmetry.Issues.Storage.InMemory;

internal sealed partial class InMemoryIssueData
{
    public Dictionary<Guid, OutboxNotification> Notifications { get; } = [];

    public Dictionary<Guid, DateTimeOffset> LastDigests { get; } = [];
}
