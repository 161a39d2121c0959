using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Services;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>
/// The issue library on one provider, registered as a host does it, on the shared fake clock and the fixed
/// tenancy. Both sides are composed alike so that only the storage differs. The library draws its own random
/// ids, so each side also remembers, in creation order, the ids that commands name later: its comments and the
/// issues merged away.
/// </summary>
internal sealed class ProviderSide : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Func<Task> _removeStorage;

    private ProviderSide(string name, ServiceProvider services, Func<Task> removeStorage)
    {
        Name = name;
        _services = services;
        _removeStorage = removeStorage;
        var directory = services.GetRequiredService<InMemoryIssueDirectory>();
        foreach (var project in DifferentialTenancy.Projects)
        {
            directory.AddProject(project);
        }

        foreach (var app in DifferentialTenancy.Apps)
        {
            directory.AddApp(app.Info);
        }
    }

    public string Name { get; }

    public IIssueService Service => _services.GetRequiredService<IIssueService>();

    public EventIngestor Ingestor => _services.GetRequiredService<EventIngestor>();

    public IssueScanner Scanner => _services.GetRequiredService<IssueScanner>();

    public List<RegisteredComment> Comments { get; } = [];

    public List<Guid> MergedAway { get; } = [];

    public static ProviderSide InMemory(FakeTimeProvider clock) =>
        new("in-memory", Compose(clock, issues => issues.UseInMemoryStorage()), () => Task.CompletedTask);

    public static ProviderSide LiteDb(FakeTimeProvider clock)
    {
        var folder = new TempFolder();
        return new ProviderSide("LiteDB", Compose(clock, issues => issues.UseLiteDb(folder.File("issues.db"))), () =>
        {
            folder.Dispose();
            return Task.CompletedTask;
        });
    }

    /// <summary>A schema of its own on the PostgreSQL test server (started by the caller), dropped with the side.</summary>
    public static ProviderSide PostgreSql(FakeTimeProvider clock)
    {
        var schema = PostgreSqlTestServer.NewSchema();
        var services = Compose(clock, issues => issues.UsePostgreSql(o =>
        {
            o.DataSource = PostgreSqlTestServer.DataSource;
            o.Schema = schema;
        }));
        return new ProviderSide("PostgreSQL", services, () => PostgreSqlTestServer.DropSchemaAsync(schema));
    }

    /// <summary>The label a comment id has in this side's creation order, the same on both sides.</summary>
    public string CommentLabel(Guid commentId)
    {
        var index = Comments.FindIndex(c => c.Id == commentId);
        return index < 0 ? $"unregistered comment {commentId}" : $"c{index + 1}";
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _removeStorage();
    }

    private static ServiceProvider Compose(FakeTimeProvider clock, Action<IIssuesBuilder> useStorage)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        useStorage(services.AddOwlmetryIssues());
        return services.BuildServiceProvider();
    }
}
