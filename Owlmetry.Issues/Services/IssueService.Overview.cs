using Owlmetry.Issues.Access;
using Owlmetry.Issues.Comments;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Lifecycle;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Services;

internal sealed partial class IssueService
{
    /// <summary>How many issues a title search reads at most, newest seen first, before it stops looking.</summary>
    internal const int SearchScanLimit = 5000;

    public async Task<IssueResult<IssueOverview>> GetOverviewAsync(Actor actor, Guid projectId, Guid issueId, CancellationToken ct = default)
    {
        var access = await AuthorizeAsync(actor, IssuePermissions.Read, projectId, ct).ConfigureAwait(false);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var firstDay = today.AddDays(1 - IssueOverview.Days);
        var snapshot = await store.ReadAsync(
            async reader => InProject(await reader.FindIssueAsync(issueId).ConfigureAwait(false), projectId) is not { } issue ? null : new
            {
                Issue = issue,
                Days = await reader.CountOccurrencesByDayAsync([issueId], new DateTimeOffset(firstDay, TimeOnly.MinValue, TimeSpan.Zero)).ConfigureAwait(false),
                Splits = await reader.SplitOccurrencesAsync(issueId).ConfigureAwait(false),
                Activity = await reader.ListAuditRecordsAsync(issueId).ConfigureAwait(false),
                Comments = await reader.ListCommentsAsync(issueId).ConfigureAwait(false),
            },
            ct).ConfigureAwait(false);
        if (snapshot is null)
        {
            return s_issueNotFound;
        }

        var writes = actor.Has(IssuePermissions.Write);
        var perDay = snapshot.Days.ToDictionary(d => d.Date, d => d.Count);
        var days = Enumerable.Range(0, IssueOverview.Days)
            .Select(back => firstDay.AddDays(back))
            .Select(day => new DailyCount(day, perDay.GetValueOrDefault(day)))
            .ToList();
        return new IssueOverview(
            issueId,
            snapshot.Issue.Status,
            IssueLifecycle.AllowedTargets(snapshot.Issue.Status),
            days,
            MostFirst(snapshot.Splits.ByAppVersion),
            MostFirst(snapshot.Splits.ByEnvironment),
            MostFirst(snapshot.Splits.ByCountry),
            snapshot.Activity,
            [.. snapshot.Comments.Select(c => new CommentPermission(
                c.Id,
                writes && CommentRules.CanEdit(actor, c),
                writes && CommentRules.CanDelete(actor, c, access.Value.TeamId)))]);
    }

    public async Task<IssueResult<IssuePage>> SearchAsync(Actor actor, Guid projectId, string? text, int? limit, CancellationToken ct = default)
    {
        var access = await AuthorizeAsync(actor, IssuePermissions.Read, projectId, ct).ConfigureAwait(false);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        var words = (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return IssueError.Invalid("q is required: words the title contains");
        }

        var take = _options.ClampPageSize(limit);
        var filter = new IssueListFilter([projectId]);
        var found = await store.ReadAsync(
            async reader =>
            {
                var matches = new List<Issue>();
                KeysetKey? after = null;
                for (var read = 0; read < SearchScanLimit && matches.Count <= take;)
                {
                    var rows = await reader.ListIssuesAsync(filter, IssueSort.LastSeen, after, _options.MaxPageSize).ConfigureAwait(false);
                    matches.AddRange(rows.Where(i => words.All(w => i.Title.Contains(w, StringComparison.OrdinalIgnoreCase))));
                    read += rows.Count;
                    if (rows.Count < _options.MaxPageSize)
                    {
                        break;
                    }

                    after = IssueSort.LastSeen.KeyOf(rows[^1]);
                }

                return matches;
            },
            ct).ConfigureAwait(false);
        var items = await DescribeAllAsync([.. found.Take(take)], projectNames: null, timeProvider.GetUtcNowMilliseconds(), ct).ConfigureAwait(false);
        return new IssuePage(items, null, found.Count > take);
    }

    private static List<ValueCount> MostFirst(IEnumerable<ValueCount> counts) =>
        [.. counts.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)];
}
