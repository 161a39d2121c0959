using Microsoft.Extensions.Options;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Notifications;

/// <summary>
/// The per-project digest (CONTRACT §9): at most once per period of the project's <c>issue_alert_frequency</c>
/// (absent = daily, <c>none</c> = never), an <c>issue.digest</c> listing its production <c>new</c> and
/// <c>regressed</c> issues with activity since they were last notified. The outbox entry, the
/// <see cref="Issue.LastNotifiedAt"/> stamps and the project's digest time are written in one unit of work. Runs
/// on the injected clock: callable by hand, and every <see cref="NotificationOptions.DigestCheckInterval"/> in the
/// background once <c>AddNotifications()</c> is registered. A digest with nothing to list is not sent.
/// </summary>
public sealed class IssueDigests
{
    private readonly IIssueStore _store;
    private readonly IIssueDirectory _directory;
    private readonly NotificationSignal _signal;
    private readonly TimeProvider _timeProvider;
    private readonly NotificationOptions _options;

    // Internal: resolved from the container AddNotifications fills (or built by InMemoryIssues), so its signal stays
    // out of the public surface.
    internal IssueDigests(IIssueStore store, IIssueDirectory directory, NotificationSignal signal, TimeProvider timeProvider, IOptions<NotificationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _directory = directory;
        _signal = signal;
        _timeProvider = timeProvider;
        _options = options.Value;
    }

    /// <summary>Records every digest that is due now.</summary>
    /// <returns>How many digests were recorded.</returns>
    public async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        var now = _timeProvider.GetUtcNowMilliseconds();
        var projectIds = await _store.ReadAsync(r => r.ListProjectsAwaitingDigestAsync(), ct).ConfigureAwait(false);
        var recorded = 0;
        foreach (var projectId in projectIds)
        {
            if (await RunProjectAsync(projectId, now, ct).ConfigureAwait(false))
            {
                recorded++;
            }
        }

        if (recorded > 0)
        {
            _signal.Notify();
        }

        return recorded;
    }

    private async Task<bool> RunProjectAsync(Guid projectId, DateTimeOffset now, CancellationToken ct)
    {
        if (await _directory.FindProjectAsync(projectId, ct).ConfigureAwait(false) is not { } project
            || project.EffectiveAlertFrequency.Period() is not { } period)
        {
            return false;
        }

        var limit = _options.DigestIssueLimit;
        var (last, preview) = await _store.ReadAsync(async r => (await r.GetLastDigestAtAsync(projectId).ConfigureAwait(false), await r.ListIssuesAwaitingDigestAsync(projectId, limit).ConfigureAwait(false)), ct).ConfigureAwait(false);
        if (!IsDue(last, period, now) || preview.Count == 0)
        {
            return false;
        }

        var names = await NotificationNames.ResolveAsync(_directory, [projectId], preview.Select(i => i.AppId), ct).ConfigureAwait(false);
        return await _store.WriteAsync(
            async writer =>
            {
                // Read again inside the unit: a scan or a user may have changed the project's issues since the preview.
                var issues = await writer.ListIssuesAwaitingDigestAsync(projectId, limit).ConfigureAwait(false);
                if (!IsDue(await writer.GetLastDigestAtAsync(projectId).ConfigureAwait(false), period, now) || issues.Count == 0)
                {
                    return false;
                }

                await writer.AddNotificationAsync(NotificationRecorder.ToOutbox(Digest(project, issues, names, now))).ConfigureAwait(false);
                foreach (var issue in issues)
                {
                    await writer.UpdateIssueAsync(issue with { LastNotifiedAt = now }).ConfigureAwait(false);
                }

                await writer.SetLastDigestAtAsync(projectId, now).ConfigureAwait(false);
                return true;
            },
            ct).ConfigureAwait(false);
    }

    private static bool IsDue(DateTimeOffset? last, TimeSpan period, DateTimeOffset now) => last is not { } at || now - at >= period;

    private static IssueDigestNotification Digest(ProjectInfo project, IReadOnlyList<Issue> issues, NotificationNames names, DateTimeOffset now)
    {
        var regressed = issues.Count(i => i.Status == IssueStatus.Regressed);
        return new IssueDigestNotification
        {
            Id = TimeOrderedIds.New(now),
            CreatedAt = now,
            TeamId = project.TeamId,
            Title = $"{project.Name}: {NotificationText.Counts(issues.Count - regressed, regressed)}",
            Body = NotificationText.Body([.. issues.Select(i => i.Title)]),
            Data = new IssueDigestData(
                project.Id,
                [.. issues.Select(i => new DigestIssue(i.Id, i.Title, i.Status, i.OccurrenceCount, i.UniqueUserCount, names.AppName(i.AppId)))]),
        };
    }
}
