using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Testing;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>An app on <see cref="InMemoryIssues"/> with a fake clock, and a terse way to send it events.</summary>
internal sealed class ScanWorld
{
    public ScanWorld(IssuesOptions? options = null)
    {
        Issues = new InMemoryIssues(Clock, options);
        Project = Issues.AddProject(TeamId, "Shop");
        App = Issues.AddApp(Project.Id, "API");
        Source = new IngestSource(App.Id, Project.Id, "backend");
        Owner = Actor.User(Guid.NewGuid(), "Owner", new Dictionary<Guid, TeamRole> { [TeamId] = TeamRole.Owner });
    }

    public FakeTimeProvider Clock { get; } = new(TestTimes.ClockStart);

    public InMemoryIssues Issues { get; }

    public Guid TeamId { get; } = Guid.NewGuid();

    public ProjectInfo Project { get; }

    public AppInfo App { get; }

    /// <summary>The app as ingest sees a batch from it, for tests that ingest without scanning.</summary>
    public IngestSource Source { get; }

    public Actor Owner { get; }

    public static IncomingEvent Error(string message, Guid session, TimeSpan? at = null) => new()
    {
        Message = message,
        Level = "error",
        SessionId = session.ToString(),
        Timestamp = at is { } offset ? (TestTimes.ClockStart + offset).ToString("O") : null,
    };

    /// <summary>Ingests <paramref name="events"/> without scanning them; every one of them must be accepted.</summary>
    public async Task IngestAsync(params IncomingEvent[] events)
    {
        var ingested = await Issues.Ingestor.IngestAsync(Source, events);
        Assert.That(ingested.Value.Accepted, Is.EqualTo(events.Length), "events accepted by ingest");
    }

    public Task<(IngestResult Ingest, IssueScanResult Scan)> SendAsync(params IncomingEvent[] events) =>
        Issues.IngestAndScanAsync(App, events);

    public async Task<IReadOnlyList<Issue>> AllIssuesAsync() =>
        await Issues.Store.ReadAsync(r => r.ListIssuesAsync(new IssueListFilter([Project.Id]), IssueSort.FirstSeen, null, 1000));

    public async Task<Issue> SingleIssueAsync() => (await AllIssuesAsync()).Single();

    public Task<IReadOnlyList<IssueOccurrence>> OccurrencesAsync(Guid issueId) => Issues.Store.ReadAsync(r => r.GetAllOccurrencesAsync(issueId));
}
