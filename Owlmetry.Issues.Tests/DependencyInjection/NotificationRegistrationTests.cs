using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Notifications;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.DependencyInjection;

[TestFixture]
public sealed class NotificationRegistrationTests
{
    [Test]
    public async Task AddNotificationHandler_ScanThroughTheContainer_ReachesTheHandler()
    {
        var teamId = Guid.NewGuid();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance).AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddOwlmetryIssues().AddNotificationHandler<RecordingNotificationHandler>().AddNotificationHandler<RecordingNotificationHandler>();
        using var provider = services.BuildServiceProvider();
        var directory = provider.GetRequiredService<InMemoryIssueDirectory>();
        var project = directory.AddProject(new ProjectInfo(Guid.NewGuid(), teamId, "Shop"));
        var app = directory.AddApp(new AppInfo(Guid.NewGuid(), project.Id, "API"));

        await provider.GetRequiredService<EventIngestor>().IngestAsync(new IngestSource(app.Id, project.Id, "backend"), [ScanWorld.Error("Crash", Guid.NewGuid())]);
        await provider.GetRequiredService<IssueScanner>().ScanAsync();
        await provider.GetRequiredService<NotificationDispatcher>().DispatchPendingAsync();

        var handler = (RecordingNotificationHandler)provider.GetServices<INotificationHandler>().Single();
        Assert.That(handler.Received.Single().TeamId, Is.EqualTo(teamId));
        Assert.That(provider.GetServices<IHostedService>().Select(s => s.GetType().Name),
            Is.EquivalentTo(new[] { "NotificationDispatchBackgroundService", "IssueDigestBackgroundService" }));
    }

    [Test]
    public async Task AddOwlmetryIssues_WithoutNotifications_RecordsNothing()
    {
        var services = new ServiceCollection();
        services.AddOwlmetryIssues();
        using var provider = services.BuildServiceProvider();
        var directory = provider.GetRequiredService<InMemoryIssueDirectory>();
        var project = directory.AddProject(new ProjectInfo(Guid.NewGuid(), Guid.NewGuid(), "Shop"));
        var app = directory.AddApp(new AppInfo(Guid.NewGuid(), project.Id, "API"));

        await provider.GetRequiredService<EventIngestor>().IngestAsync(new IngestSource(app.Id, project.Id, "backend"), [ScanWorld.Error("Crash", Guid.NewGuid())]);
        await provider.GetRequiredService<IssueScanner>().ScanAsync();

        Assert.That(await provider.GetRequiredService<IIssueStore>().ReadAsync(r => r.ListPendingNotificationsAsync(10)), Is.Empty);
    }
}
