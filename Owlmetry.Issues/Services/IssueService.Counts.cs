using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Services;

internal sealed partial class IssueService
{
    public async Task<IssueResult<IssueStatusCounts>> CountAsync(Actor actor, Guid projectId, IssueQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var access = await AuthorizeAsync(actor, IssuePermissions.Read, projectId, ct).ConfigureAwait(false);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        return await CountStatusesAsync(ProjectFilter(projectId, query) with { Status = null }, ct).ConfigureAwait(false);
    }

    public async Task<IssueResult<IssueStatusCounts>> CountAcrossTeamsAsync(Actor actor, TeamIssueQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (!actor.Has(IssuePermissions.Read))
        {
            return IssueError.MissingPermission(IssuePermissions.Read);
        }

        var (filter, _) = await TeamFilterAsync(actor, query, ct).ConfigureAwait(false);
        return await CountStatusesAsync(filter with { Status = null }, ct).ConfigureAwait(false);
    }

    public async Task<IssueResult<IReadOnlyList<IssueDailyCounts>>> GetDailyCountsAsync(Actor actor, IReadOnlyCollection<Guid> issueIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(issueIds);
        if (!actor.Has(IssuePermissions.Read))
        {
            return IssueError.MissingPermission(IssuePermissions.Read);
        }

        var ids = issueIds.Distinct().ToList();
        if (ids.Count > _options.MaxPageSize)
        {
            return IssueError.Invalid($"ids names {ids.Count} issues: at most {_options.MaxPageSize}");
        }

        var visibleProjects = actor.Teams.Count == 0 || ids.Count == 0
            ? []
            : (await directory.ListProjectsAsync([.. actor.Teams.Keys], ct).ConfigureAwait(false)).Select(p => p.Id).ToHashSet();
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var firstDay = today.AddDays(1 - IssueOverview.Days);
        var since = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        (List<Guid> Shown, IReadOnlyList<IssueDayCount> Days) found = visibleProjects.Count == 0
            ? ([], [])
            : await store.ReadAsync(
                async reader =>
                {
                    var shown = new List<Guid>();
                    foreach (var id in ids)
                    {
                        if (await reader.FindIssueAsync(id).ConfigureAwait(false) is { } issue && visibleProjects.Contains(issue.ProjectId))
                        {
                            shown.Add(id);
                        }
                    }

                    IReadOnlyList<IssueDayCount> days = shown.Count == 0 ? [] : await reader.CountOccurrencesByDayAsync(shown, since).ConfigureAwait(false);
                    return (Shown: shown, Days: days);
                },
                ct).ConfigureAwait(false);
        var byIssue = found.Days.ToLookup(c => c.IssueId);
        IReadOnlyList<IssueDailyCounts> charts = [.. found.Shown.Select(id =>
        {
            var perDay = byIssue[id].ToDictionary(c => c.Date, c => c.Count);
            return new IssueDailyCounts(id, [.. Enumerable.Range(0, IssueOverview.Days).Select(i => new DailyCount(firstDay.AddDays(i), perDay.GetValueOrDefault(firstDay.AddDays(i))))]);
        })];
        return IssueResult<IReadOnlyList<IssueDailyCounts>>.Success(charts);
    }

    private async Task<IssueResult<IssueStatusCounts>> CountStatusesAsync(IssueListFilter filter, CancellationToken ct)
    {
        var counts = filter.ProjectIds.Count == 0
            ? new Dictionary<IssueStatus, int>()
            : await store.ReadAsync(reader => reader.CountIssuesByStatusAsync(filter), ct).ConfigureAwait(false);
        var byStatus = Enum.GetValues<IssueStatus>().ToDictionary(status => status, status => counts.GetValueOrDefault(status));
        return new IssueStatusCounts(byStatus.Values.Sum(), byStatus);
    }
}
