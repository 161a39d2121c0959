using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.CrashProbe;

/// <summary>The library as a host would register it, on the LiteDB file, with a directory that knows the probe's project.</summary>
internal static class ProbeServices
{
    public static ServiceProvider Build(ProbeArguments arguments)
    {
        var services = new ServiceCollection();

        // Small scan batches: a scan then commits several units, so a kill can land between two of them.
        services.AddOwlmetryIssues(o => o.ScanBatchSize = 25).UseLiteDb(o =>
        {
            o.Path = arguments.DatabasePath;
            o.Durability = arguments.Durability;
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var directory = provider.GetRequiredService<InMemoryIssueDirectory>();
        directory.AddProject(new ProjectInfo(arguments.ProjectId, arguments.TeamId, "Crash probe"));
        directory.AddApp(new AppInfo(arguments.AppId, arguments.ProjectId, "Crash probe app"));

        // Opens the file now, so that "ready" means the store is open.
        provider.GetRequiredService<IIssueStore>();
        return provider;
    }
}
