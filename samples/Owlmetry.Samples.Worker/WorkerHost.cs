using Owlmetry.Issues.Projects;
using Owlmetry.Samples.Worker.Orders;
using Owlmetry.Samples.Worker.Reporting;

namespace Owlmetry.Samples.Worker;

public static class WorkerHost
{
    public static HostApplicationBuilder CreateBuilder(string[] args)
    {
        // appsettings.json is read from beside the program, wherever it is started from.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

        #region AddIssueTracking
        // This worker is one app of one project: the library reads their team and names from its directory.
        var directory = new InMemoryIssueDirectory();
        directory.AddProject(new ProjectInfo(WorkerApp.ProjectId, WorkerApp.TeamId, WorkerApp.ProjectName));
        directory.AddApp(new AppInfo(WorkerApp.AppId, WorkerApp.ProjectId, "Import worker"));
        builder.Services.AddSingleton(directory);

        // The library, on a LiteDB file when one is configured (in memory otherwise), with the scan running in the
        // background and new issues handed to a handler of the app's own.
        var issues = builder.Services.AddOwlmetryIssues();
        if (builder.Configuration["Issues:DataFile"] is { Length: > 0 } dataFile)
        {
            issues.UseLiteDb(dataFile);
        }

        issues.AddBackgroundScan()
              .AddNotificationHandler<ConsoleNotifier>();

        // Error and Critical log entries, and exceptions reported by hand, become error events of the app.
        builder.Services.AddSingleton<IssueReports>();
        builder.Services.AddSingleton<ILoggerProvider, IssueLoggerProvider>();
        builder.Services.AddHostedService<IssueReportWriter>();
        #endregion

        builder.Services.AddSingleton<PaymentService>();
        builder.Services.AddHostedService<OrderImportWorker>();
        return builder;
    }
}
