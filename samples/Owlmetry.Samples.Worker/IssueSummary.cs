using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Notifications;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Services;

namespace Owlmetry.Samples.Worker;

public static class IssueSummary
{
    public static async Task<IReadOnlyList<Issue>> PrintAsync(IServiceProvider services, TextWriter output, CancellationToken ct = default)
    {
        #region ScanAndList
        // The background scan files new events every few seconds; one pass now files what it has not seen yet.
        var scan = await services.GetRequiredService<IssueScanner>().ScanAsync(ct);

        // The scan recorded notifications of the issues it created: hand them to the handlers now, not at the next
        // background pass, which a worker that has stopped does not reach.
        await services.GetRequiredService<NotificationDispatcher>().DispatchPendingAsync(ct);

        // Reading is authorized like any caller's: here an agent of the app's team allowed to read issues.
        var reader = Actor.Agent(WorkerApp.AppId, "Import worker", WorkerApp.TeamId, [IssuePermissions.Read]);
        var list = await services.GetRequiredService<IIssueService>()
            .ListAsync(reader, WorkerApp.ProjectId, new IssueQuery { Sort = IssueSort.LastSeen }, ct);
        if (!list.IsSuccess)
        {
            output.WriteLine($"Could not list the issues: {list.Error.Kind}: {list.Error.Message}");
            return [];
        }
        #endregion

        // By title: the six orders are imported within a millisecond, so the list's last-seen order is one of ties.
        var issues = list.Value.Issues.Select(item => item.Issue).OrderBy(issue => issue.Title, StringComparer.Ordinal).ToList();
        output.WriteLine($"The scan filed {scan.EventsProcessed} error events, {scan.IssuesCreated} of them as new issues.");
        output.WriteLine($"Issues of \"{WorkerApp.ProjectName}\": {issues.Count}");
        foreach (var issue in issues)
        {
            output.WriteLine($"  {issue.Status.ToString().ToLowerInvariant(),-8} {issue.OccurrenceCount,3} occurrence(s)  {issue.Title}");
        }

        return issues;
    }
}
