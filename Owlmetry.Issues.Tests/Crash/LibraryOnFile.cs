using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Services;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Tests.Crash;

/// <summary>The issue library on a LiteDB file, registered as a host would, with a directory that knows one project and app.</summary>
internal sealed class LibraryOnFile : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public LibraryOnFile(string path, Guid teamId, Guid projectId, Guid appId)
    {
        var services = new ServiceCollection();
        services.AddOwlmetryIssues().UseLiteDb(path);
        _services = services.BuildServiceProvider();
        var directory = _services.GetRequiredService<InMemoryIssueDirectory>();
        directory.AddProject(new ProjectInfo(projectId, teamId, "Crash"));
        directory.AddApp(new AppInfo(appId, projectId, "Crash app"));
        Owner = Actor.User(Guid.NewGuid(), "Crash test", new Dictionary<Guid, TeamRole> { [teamId] = TeamRole.Owner });
    }

    public Actor Owner { get; }

    public IIssueStore Store => _services.GetRequiredService<IIssueStore>();

    public IIssueService Service => _services.GetRequiredService<IIssueService>();

    public IssueScanner Scanner => _services.GetRequiredService<IssueScanner>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
