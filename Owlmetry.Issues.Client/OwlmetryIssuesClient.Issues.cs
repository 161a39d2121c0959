using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.Client;

public sealed partial class OwlmetryIssuesClient
{
    /// <summary>A project's issues, in the query's order, across every page.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="query">Filters, order and page size; all issues by last seen when null.</param>
    /// <param name="ct">Cancels the enumeration.</param>
    /// <returns>The issues, fetched a page at a time.</returns>
    public IAsyncEnumerable<IssueResponse> ListIssuesAsync(Guid projectId, IssueListQuery? query = null, CancellationToken ct = default) =>
        PagesAsync<IssueListResponse, IssueResponse>($"v1/projects/{Id(projectId)}/issues", IssueQuery(query), p => (p.Issues, p.Cursor, p.HasMore), ct);

    /// <summary>The issues of every project of the caller's teams (production issues unless the query says otherwise), across every page.</summary>
    /// <param name="query">Team, project, filters, order and page size.</param>
    /// <param name="ct">Cancels the enumeration.</param>
    /// <returns>The issues, each with its <c>project_name</c>.</returns>
    public IAsyncEnumerable<IssueResponse> ListTeamIssuesAsync(TeamIssueListQuery? query = null, CancellationToken ct = default) =>
        PagesAsync<IssueListResponse, IssueResponse>(
            "v1/issues", IssueQuery(query).With("team_id", query?.TeamId).With("project_id", query?.ProjectId), p => (p.Issues, p.Cursor, p.HasMore), ct);

    /// <summary>An issue with a page of its occurrences (newest first), its comments and its newest attachments.</summary>
    /// <param name="projectId">The issue's project.</param>
    /// <param name="issueId">The issue.</param>
    /// <param name="occurrenceCursor">The <c>occurrence_cursor</c> of a previous answer, for the next page of occurrences.</param>
    /// <param name="occurrenceLimit">Occurrences per page, 1 to 200 (50 by default).</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The issue's detail.</returns>
    public Task<IssueDetailResponse> GetIssueAsync(
        Guid projectId, Guid issueId, string? occurrenceCursor = null, int? occurrenceLimit = null, CancellationToken ct = default) =>
        GetAsync<IssueDetailResponse>(
            new QueryString().With("occurrence_cursor", occurrenceCursor).With("occurrence_limit", occurrenceLimit)
                .Append($"v1/projects/{Id(projectId)}/issues/{Id(issueId)}"),
            ct);

    /// <summary>
    /// An issue's overview: the statuses it may move to now, its occurrences per day over 14 days, their split by app
    /// version, environment and country, its audit trail, and which comments the caller may edit or delete.
    /// </summary>
    /// <param name="projectId">The issue's project.</param>
    /// <param name="issueId">The issue.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The overview.</returns>
    public Task<IssueOverviewResponse> GetIssueOverviewAsync(Guid projectId, Guid issueId, CancellationToken ct = default) =>
        GetAsync<IssueOverviewResponse>($"v1/projects/{Id(projectId)}/issues/{Id(issueId)}/overview", ct);

    /// <summary>The project's issues whose title holds every word of <paramref name="text"/> (ignoring case), most recently seen first.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="text">The words to find; blank is a 400.</param>
    /// <param name="limit">At most this many issues, 1 to 200 (50 by default).</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>One page of matches; <c>has_more</c> says whether more matched.</returns>
    public Task<IssueListResponse> SearchIssuesAsync(Guid projectId, string text, int? limit = null, CancellationToken ct = default) =>
        GetAsync<IssueListResponse>(new QueryString().With("q", text).With("limit", limit).Append($"v1/projects/{Id(projectId)}/issues/search"), ct);

    /// <summary>How many of a project's issues match the filter's app and data mode, in all and per status (the filter's status, order and page size are not sent).</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="query">App, dev/production or data mode; every issue of the project when null.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The total and the count of each status.</returns>
    public Task<IssueCountsResponse> CountIssuesAsync(Guid projectId, IssueListQuery? query = null, CancellationToken ct = default) =>
        GetAsync<IssueCountsResponse>(CountQuery(query).Append($"v1/projects/{Id(projectId)}/issues/counts"), ct);

    /// <summary>How many issues of the caller's teams match the filter (production issues unless it says otherwise), in all and per status.</summary>
    /// <param name="query">Team, project, app, dev/production or data mode (the status, order and page size are not sent).</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The total and the count of each status.</returns>
    public Task<IssueCountsResponse> CountTeamIssuesAsync(TeamIssueListQuery? query = null, CancellationToken ct = default) =>
        GetAsync<IssueCountsResponse>(CountQuery(query).With("team_id", query?.TeamId).With("project_id", query?.ProjectId).Append("v1/issues/counts"), ct);

    /// <summary>Several issues' occurrences per UTC day over the last 14 days, in one request; issues the caller cannot see are left out.</summary>
    /// <param name="issueIds">The issues, 1 to 200.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The visible issues' charts, in the order asked.</returns>
    public async Task<IReadOnlyList<IssueDailyCountsResponse>> GetIssueDailyCountsAsync(IEnumerable<Guid> issueIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(issueIds);
        var ids = string.Join(',', issueIds.Select(Id));
        return (await GetAsync<IssueDailyCountsListResponse>(new QueryString().With("ids", ids).Append("v1/issues/daily-counts"), ct).ConfigureAwait(false)).Issues;
    }

    /// <summary>Changes an issue's status by the lifecycle's rules; a refused transition is a 400 naming it.</summary>
    /// <param name="projectId">The issue's project.</param>
    /// <param name="issueId">The issue.</param>
    /// <param name="status">The target: <c>new</c>, <c>in_progress</c>, <c>resolved</c>, <c>silenced</c> or <c>snoozed</c>.</param>
    /// <param name="resolvedAtVersion">The app version that fixes it; required for <c>resolved</c>.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The changed issue.</returns>
    public Task<IssueResponse> UpdateIssueStatusAsync(
        Guid projectId, Guid issueId, string status, string? resolvedAtVersion = null, CancellationToken ct = default) =>
        PatchAsync<IssueResponse>($"v1/projects/{Id(projectId)}/issues/{Id(issueId)}", new UpdateIssueRequest(status, resolvedAtVersion), ct);

    /// <summary>Merges one issue into another of the same project: its occurrences, fingerprints and comments move, and it is deleted.</summary>
    /// <param name="projectId">The project of both issues.</param>
    /// <param name="targetIssueId">The issue that stays.</param>
    /// <param name="sourceIssueId">The issue merged into it.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The merged issue.</returns>
    public Task<IssueResponse> MergeIssuesAsync(Guid projectId, Guid targetIssueId, Guid sourceIssueId, CancellationToken ct = default) =>
        PostAsync<IssueResponse>($"v1/projects/{Id(projectId)}/issues/{Id(targetIssueId)}/merge", new MergeIssueRequest(Id(sourceIssueId)), ct);

    /// <summary>Claims the first issue of the project that nobody holds and that matches the filter, atomically: a work lease.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="filter">Status, app, data mode, order and duration; without a status, resolved and silenced issues are skipped.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The claimed issue with its <c>claim</c>.</returns>
    public Task<IssueResponse> ClaimNextIssueAsync(Guid projectId, ClaimIssueRequest? filter = null, CancellationToken ct = default) =>
        PostAsync<IssueResponse>($"v1/projects/{Id(projectId)}/issues/claim", filter ?? new ClaimIssueRequest(), ct);

    /// <summary>
    /// Claims one issue, atomically: takes it when nobody holds it (or its claim lapsed), or extends the caller's own claim
    /// on it from now (a renewal); a live claim of another holder is a 409 naming it.
    /// </summary>
    /// <param name="projectId">The issue's project.</param>
    /// <param name="issueId">The issue.</param>
    /// <param name="durationSeconds">The claim's length from now, 30 to 86400 seconds (900 by default).</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The issue with the caller's claim.</returns>
    public Task<IssueResponse> ClaimIssueAsync(Guid projectId, Guid issueId, int? durationSeconds = null, CancellationToken ct = default) =>
        PostAsync<IssueResponse>($"v1/projects/{Id(projectId)}/issues/{Id(issueId)}/claim", new RenewClaimRequest(durationSeconds), ct);

    /// <summary>Releases the caller's claim on an issue, or anyone's when the caller is a team owner or admin; otherwise another holder's claim is a 409.</summary>
    /// <param name="projectId">The issue's project.</param>
    /// <param name="issueId">The issue.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The issue, without a claim.</returns>
    public Task<IssueResponse> ReleaseClaimAsync(Guid projectId, Guid issueId, CancellationToken ct = default) =>
        SendAsync<IssueResponse>(HttpMethod.Delete, $"v1/projects/{Id(projectId)}/issues/{Id(issueId)}/claim", null, ct);

    /// <summary>An issue's comments, oldest first.</summary>
    /// <param name="projectId">The issue's project.</param>
    /// <param name="issueId">The issue.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The comments.</returns>
    public async Task<IReadOnlyList<CommentResponse>> ListCommentsAsync(Guid projectId, Guid issueId, CancellationToken ct = default) =>
        (await GetAsync<CommentListResponse>(CommentsPath(projectId, issueId), ct).ConfigureAwait(false)).Comments;

    /// <summary>Comments on an issue as the caller (a user, or an agent key).</summary>
    /// <param name="projectId">The issue's project.</param>
    /// <param name="issueId">The issue.</param>
    /// <param name="body">The Markdown text, kept verbatim.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The new comment.</returns>
    public Task<CommentResponse> AddCommentAsync(Guid projectId, Guid issueId, string body, CancellationToken ct = default) =>
        PostAsync<CommentResponse>(CommentsPath(projectId, issueId), new CommentRequest(body), ct);

    /// <summary>Edits one of the caller's comments.</summary>
    /// <param name="projectId">The issue's project.</param>
    /// <param name="issueId">The issue.</param>
    /// <param name="commentId">The comment.</param>
    /// <param name="body">The new Markdown text.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The edited comment.</returns>
    public Task<CommentResponse> EditCommentAsync(Guid projectId, Guid issueId, Guid commentId, string body, CancellationToken ct = default) =>
        PatchAsync<CommentResponse>($"{CommentsPath(projectId, issueId)}/{Id(commentId)}", new CommentRequest(body), ct);

    /// <summary>Deletes a comment (the caller's own, or any as a team admin).</summary>
    /// <param name="projectId">The issue's project.</param>
    /// <param name="issueId">The issue.</param>
    /// <param name="commentId">The comment.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>When the comment is deleted.</returns>
    public Task DeleteCommentAsync(Guid projectId, Guid issueId, Guid commentId, CancellationToken ct = default) =>
        DeleteAsync($"{CommentsPath(projectId, issueId)}/{Id(commentId)}", ct);

    private static string CommentsPath(Guid projectId, Guid issueId) => $"v1/projects/{Id(projectId)}/issues/{Id(issueId)}/comments";

    private static QueryString CountQuery(IssueListQuery? query) => new QueryString()
        .With("app_id", query?.AppId).With("is_dev", query?.IsDev).With("data_mode", query?.DataMode);

    private static QueryString IssueQuery(IssueListQuery? query) => new QueryString()
        .With("status", query?.Status).With("app_id", query?.AppId).With("is_dev", query?.IsDev).With("data_mode", query?.DataMode)
        .With("claim", query?.Claim).With("sort", query?.Sort).With("limit", query?.PageSize);
}
