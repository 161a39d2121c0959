using Owlmetry.Issues.Access;
using Owlmetry.Issues.Claims;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Services;

internal sealed partial class IssueService
{
    private const string OccurrenceCursorScope = "occurrences";

    public async Task<IssueResult<IssuePage>> ListAsync(Actor actor, Guid projectId, IssueQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var access = await AuthorizeAsync(actor, IssuePermissions.Read, projectId, ct).ConfigureAwait(false);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        return await ListPageAsync(actor, ProjectFilter(projectId, query), query, projectNames: null, ct).ConfigureAwait(false);
    }

    public async Task<IssueResult<IssuePage>> ListAcrossTeamsAsync(Actor actor, TeamIssueQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (!actor.Has(IssuePermissions.Read))
        {
            return IssueError.MissingPermission(IssuePermissions.Read);
        }

        var (filter, projectNames) = await TeamFilterAsync(actor, query, ct).ConfigureAwait(false);
        return await ListPageAsync(actor, filter, query, projectNames, ct).ConfigureAwait(false);
    }

    /// <summary>A project list's filter: data mode absent means all.</summary>
    private static IssueListFilter ProjectFilter(Guid projectId, IssueQuery query) =>
        new([projectId], query.Status, query.AppId, query.IsDev ?? (query.DataMode ?? DataMode.All).ToIsDev());

    /// <summary>
    /// A team list's filter over the projects of the actor's teams (or of <see cref="TeamIssueQuery.TeamId"/>, when the
    /// actor is in it), with their names; data mode absent means production.
    /// </summary>
    private async Task<(IssueListFilter Filter, Dictionary<Guid, string> ProjectNames)> TeamFilterAsync(Actor actor, TeamIssueQuery query, CancellationToken ct)
    {
        Guid[] teamIds = query.TeamId is { } teamId ? (actor.IsIn(teamId) ? [teamId] : []) : [.. actor.Teams.Keys];
        var projects = teamIds.Length == 0 ? [] : await directory.ListProjectsAsync(teamIds, ct).ConfigureAwait(false);
        var projectNames = projects
            .Where(p => query.ProjectId is not { } projectId || p.Id == projectId)
            .ToDictionary(p => p.Id, p => p.Name);
        var isDev = query.IsDev ?? (query.DataMode ?? DataMode.Production).ToIsDev();
        return (new IssueListFilter(projectNames.Keys, query.Status, query.AppId, isDev), projectNames);
    }

    public async Task<IssueResult<IssueDetail>> GetAsync(Actor actor, Guid projectId, Guid issueId, OccurrencePageRequest occurrences, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        var access = await AuthorizeAsync(actor, IssuePermissions.Read, projectId, ct).ConfigureAwait(false);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        var after = KeysetCursor.Parse(occurrences.Cursor, OccurrenceCursorScope, "occurrence_cursor");
        if (!after.IsSuccess)
        {
            return after.Error;
        }

        var limit = _options.ClampPageSize(occurrences.Limit);
        var snapshot = await store.ReadAsync(
            async reader => InProject(await reader.FindIssueAsync(issueId).ConfigureAwait(false), projectId) is not { } issue ? null : new
            {
                Issue = issue,
                Occurrences = await reader.ListOccurrencesAsync(issueId, after.Value, limit + 1).ConfigureAwait(false),
                Comments = await reader.ListCommentsAsync(issueId).ConfigureAwait(false),
                Attachments = await reader.ListAttachmentsAsync(issueId, _options.DetailAttachmentLimit).ConfigureAwait(false),
            },
            ct).ConfigureAwait(false);
        if (snapshot is null)
        {
            return s_issueNotFound;
        }

        var hasMore = snapshot.Occurrences.Count > limit;
        var page = snapshot.Occurrences.Take(limit).ToList();
        var nextCursor = hasMore ? KeysetCursor.Encode(OccurrenceCursorScope, KeysetKey.Of(page[^1])) : null;
        var item = await DescribeAsync(snapshot.Issue, ct).ConfigureAwait(false);
        return new IssueDetail(item, page, nextCursor, hasMore, snapshot.Comments, snapshot.Attachments);
    }

    /// <summary>
    /// A page of <paramref name="filter"/>'s issues, narrowed by the query's claim filter as of now: the same now that
    /// decides which claims the page shows, so that a <c>mine</c> page never shows a row without the caller's claim.
    /// </summary>
    private async Task<IssueResult<IssuePage>> ListPageAsync(
        Actor actor, IssueListFilter filter, IssueQuery query, IReadOnlyDictionary<Guid, string>? projectNames, CancellationToken ct)
    {
        var scope = query.Sort.ToWireName();
        var after = KeysetCursor.Parse(query.Cursor, scope);
        if (!after.IsSuccess)
        {
            return after.Error;
        }

        var limit = _options.ClampPageSize(query.Limit);
        var now = timeProvider.GetUtcNowMilliseconds();
        var narrowed = filter with { Claim = ClaimCondition(query.Claim, actor, now) };
        var rows = filter.ProjectIds.Count == 0
            ? []
            : await store.ReadAsync(reader => reader.ListIssuesAsync(narrowed, query.Sort, after.Value, limit + 1), ct).ConfigureAwait(false);
        var hasMore = rows.Count > limit;
        var issues = rows.Take(limit).ToList();
        var items = await DescribeAllAsync(issues, projectNames, now, ct).ConfigureAwait(false);
        var nextCursor = hasMore ? KeysetCursor.Encode(scope, query.Sort.KeyOf(issues[^1])) : null;
        return new IssuePage(items, nextCursor, hasMore);
    }

    private static IssueClaimCondition? ClaimCondition(ClaimFilter? claim, Actor actor, DateTimeOffset now) => claim switch
    {
        null => null,
        ClaimFilter.Mine => IssueClaimCondition.ClaimedBy(actor.Kind, actor.Id, now),
        ClaimFilter.Held => IssueClaimCondition.Claimed(now),
        ClaimFilter.None => IssueClaimCondition.Unclaimed(now),
        _ => throw new ArgumentOutOfRangeException(nameof(claim), claim, null),
    };

    /// <summary>
    /// List rows of <paramref name="issues"/>: each with its app's name (looked up once per app) and its claim as visible
    /// at <paramref name="now"/>.
    /// </summary>
    private async Task<List<IssueListItem>> DescribeAllAsync(
        IReadOnlyList<Issue> issues, IReadOnlyDictionary<Guid, string>? projectNames, DateTimeOffset now, CancellationToken ct)
    {
        var appNames = new Dictionary<Guid, string?>();
        foreach (var appId in issues.Select(i => i.AppId).Distinct())
        {
            appNames[appId] = (await directory.FindAppAsync(appId, ct).ConfigureAwait(false))?.Name;
        }

        return [.. issues.Select(issue => new IssueListItem(ClaimRules.Visible(issue, now), appNames[issue.AppId], projectNames?.GetValueOrDefault(issue.ProjectId)))];
    }
}
