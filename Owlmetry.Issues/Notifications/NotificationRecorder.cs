using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Notifications;

/// <summary>
/// Records the <c>issue.new</c> notifications of scan batches in the store's outbox (CONTRACT §9): one per team,
/// for the production issues the batch created, regressed or woke from snooze, written in the batch's own unit of
/// work so that a failed or retried batch neither repeats nor drops one. Registered by <c>AddNotifications()</c>;
/// a scanner without it records nothing.
/// </summary>
internal sealed class NotificationRecorder
{
    private readonly IIssueDirectory _directory;
    private readonly NotificationSignal _signal;

    /// <summary>Creates the recorder on the directory that names projects and apps and knows their teams.</summary>
    public NotificationRecorder(IIssueDirectory directory, NotificationSignal signal)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(signal);
        _directory = directory;
        _signal = signal;
    }

    /// <summary>Reads the names a batch's notifications may need, before its unit of work. Dev parts never notify.</summary>
    internal Task<NotificationNames> ResolveNamesAsync(IReadOnlyList<ScanPart> parts, CancellationToken ct)
    {
        var production = parts.Where(p => !p.IsDev).ToList();
        return NotificationNames.ResolveAsync(_directory, production.Select(p => p.ProjectId), production.Select(p => p.AppId), ct);
    }

    /// <summary>Adds the batch's notifications to the outbox and stamps <see cref="Issue.LastNotifiedAt"/> on the issues listed.</summary>
    /// <returns>Whether anything was recorded.</returns>
    internal static async ValueTask<bool> RecordScanBatchAsync(IIssueStoreWriter writer, ScanBatchOutcome outcome, NotificationNames names, DateTimeOffset now)
    {
        var changes = outcome.Created.Concat(outcome.Unsnoozed).Select(issue => (Issue: issue, Regressed: false))
            .Concat(outcome.Regressed.Select(issue => (Issue: issue, Regressed: true)))
            .Where(change => !change.Issue.IsDev && names.Project(change.Issue.ProjectId) is not null)
            .ToList();
        foreach (var team in changes.GroupBy(change => names.Project(change.Issue.ProjectId)!.TeamId))
        {
            NotifiedIssue Listed(Issue issue) =>
                new(issue.Id, issue.Title, names.AppName(issue.AppId), names.Project(issue.ProjectId)!.Name);

            var newIssues = team.Where(c => !c.Regressed).Select(c => Listed(c.Issue)).ToList();
            var regressedIssues = team.Where(c => c.Regressed).Select(c => Listed(c.Issue)).ToList();
            var notification = new IssueNewNotification
            {
                Id = TimeOrderedIds.New(now),
                CreatedAt = now,
                TeamId = team.Key,
                Title = NotificationText.Counts(newIssues.Count, regressedIssues.Count),
                Body = NotificationText.Body([.. newIssues.Concat(regressedIssues).Select(i => i.Title)]),
                Data = new IssueNewData(new NotificationCounts(newIssues.Count, regressedIssues.Count), newIssues, regressedIssues),
            };
            await writer.AddNotificationAsync(ToOutbox(notification)).ConfigureAwait(false);
            foreach (var (issue, _) in team)
            {
                await writer.UpdateIssueAsync(issue with { LastNotifiedAt = now }).ConfigureAwait(false);
            }
        }

        return changes.Count > 0;
    }

    /// <summary>Wakes the dispatch after a unit that recorded notifications committed.</summary>
    internal void Signal() => _signal.Notify();

    internal static OutboxNotification ToOutbox(IssueNotification notification) => new()
    {
        Id = notification.Id,
        Type = notification.Type,
        TeamId = notification.TeamId,
        Payload = NotificationJson.Serialize(notification),
        CreatedAt = notification.CreatedAt,
    };
}
