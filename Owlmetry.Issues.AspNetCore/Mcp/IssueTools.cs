using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Services;

namespace Owlmetry.Issues.AspNetCore.Mcp;

/// <summary>
/// The Issues API as MCP tools. Each tool resolves the caller through the API's <see cref="IActorResolver"/> and calls
/// <see cref="IIssueService"/>, which makes every permission and lifecycle decision; a refusal is a tool error carrying
/// the library's message. Arguments are named as the HTTP API's fields (snake_case) so that the library's messages
/// (<c>Invalid sort; valid values: …</c>, <c>resolved_at_version is required …</c>) name them as the model sent them.
/// </summary>
[McpServerToolType]
internal static class IssueTools
{
    private const int DefaultListLimit = 25;
    private const int DefaultOccurrenceLimit = 10;

    [McpServerTool(Name = "list_issues", Title = "List issues", ReadOnly = true, OpenWorld = false)]
    [Description(
        "Lists error issues, most recently seen first: one line per issue with its id, [status], title, occurrence and user "
        + "counts and last seen time. With project_id, that project's issues (development and production); without it, the "
        + "issues of every project of the caller's teams (production unless data_mode says otherwise), each line naming its "
        + "project id. With claim mine, the issues you hold a claim on (after a restart: what you were working on). When a "
        + "'next cursor' line ends the answer, call again with that cursor for the next page. Titles, names and versions are "
        + "JSON strings (in double quotes, a line break in them written \\n).")]
    public static Task<CallToolResult> ListIssues(
        RequestContext<CallToolRequestParams> request,
        [Description("The project whose issues to list (a UUID). Leave out to list across all the caller's projects.")] string? project_id = null,
        [Description("Only this team's projects (a UUID), when project_id is left out.")] string? team_id = null,
        [Description("Only issues in this status: new, in_progress, resolved, silenced, regressed or snoozed.")] string? status = null,
        [Description("The order: last_seen (default), last_activity, first_seen, occurrences or users; always descending.")] string? sort = null,
        [Description("Only issues of this app (a UUID).")] string? app_id = null,
        [Description("production, development or all.")] string? data_mode = null,
        [Description("Only issues by their claim: mine (live claims you hold), held (anyone's live claim) or none (unclaimed, released or lapsed).")] string? claim = null,
        [Description("The 'next cursor' of the previous page, with the same filters and sort.")] string? cursor = null,
        [Description("Issues per page, 1 to 200; 25 when left out.")] int? limit = null,
        CancellationToken cancellationToken = default)
    {
        var parameters = new IssueListParameters
        {
            Status = status, Sort = sort, AppId = app_id, DataMode = data_mode, Claim = claim, Cursor = cursor,
            Limit = (limit ?? DefaultListLimit).ToString(CultureInfo.InvariantCulture),
        };
        if (string.IsNullOrEmpty(project_id))
        {
            var teamQuery = QueryParser.ParseTeamIssueQuery(parameters, team_id, projectId: null);
            return teamQuery.IsSuccess
                ? RunAsync(request, (issues, actor) => issues.ListAcrossTeamsAsync(actor, teamQuery.Value, cancellationToken), McpText.IssuePage, cancellationToken)
                : Task.FromResult(Refusal(teamQuery.Error));
        }

        if (!string.IsNullOrEmpty(team_id))
        {
            return Task.FromResult(Refusal(IssueError.Invalid("Give project_id or team_id, not both")));
        }

        var projectId = RequiredId(project_id, nameof(project_id));
        var query = QueryParser.ParseIssueQuery(parameters);
        return !projectId.IsSuccess ? Task.FromResult(Refusal(projectId.Error))
            : !query.IsSuccess ? Task.FromResult(Refusal(query.Error))
            : RunAsync(request, (issues, actor) => issues.ListAsync(actor, projectId.Value, query.Value, cancellationToken), McpText.IssuePage, cancellationToken);
    }

    [McpServerTool(Name = "get_issue", Title = "Get an issue", ReadOnly = true, OpenWorld = false)]
    [Description(
        "Reads one issue: its status, counts, first and last seen (with app versions), a page of its occurrences "
        + "(newest first: time, session, user, app version, environment, event id), its comments and its attachments. When a "
        + "'next occurrence_cursor' line follows the occurrences, call again with it for older ones. Titles, names, versions "
        + "and users are JSON strings (in double quotes, a line break in them written \\n); a comment's further lines are "
        + "indented by two spaces.")]
    public static Task<CallToolResult> GetIssue(
        RequestContext<CallToolRequestParams> request,
        [Description("The issue's project (a UUID).")] string project_id,
        [Description("The issue (a UUID).")] string issue_id,
        [Description("The 'next occurrence_cursor' of the previous answer, for older occurrences.")] string? occurrence_cursor = null,
        [Description("Occurrences per page, 1 to 200; 10 when left out.")] int? occurrence_limit = null,
        CancellationToken cancellationToken = default)
    {
        var ids = Ids(project_id, issue_id);
        var page = new OccurrencePageRequest(string.IsNullOrEmpty(occurrence_cursor) ? null : occurrence_cursor, occurrence_limit ?? DefaultOccurrenceLimit);
        return ids.IsSuccess
            ? RunAsync(request, (issues, actor) => issues.GetAsync(actor, ids.Value.Project, ids.Value.Issue, page, cancellationToken), McpText.IssueDetail, cancellationToken)
            : Task.FromResult(Refusal(ids.Error));
    }

    // Not idempotent: the same change again is a transition the lifecycle refuses (resolved to resolved).
    [McpServerTool(Name = "change_issue_status", Title = "Change an issue's status", Destructive = false, OpenWorld = false)]
    [Description(
        "Moves an issue to another status, following the issue lifecycle: in_progress (start work), resolved (fixed; "
        + "resolved_at_version, the app version with the fix, is required), silenced (a known issue nobody wants to hear about), "
        + "snoozed (a suspected one-off: it comes back as new on its next occurrence) or new (reopen). regressed is set only "
        + "by the scan. A transition the lifecycle refuses (e.g. resolved to in_progress: reopen first) is an error that "
        + "names it. Answers with the issue's new line.")]
    public static Task<CallToolResult> ChangeIssueStatus(
        RequestContext<CallToolRequestParams> request,
        [Description("The issue's project (a UUID).")] string project_id,
        [Description("The issue (a UUID).")] string issue_id,
        [Description("The new status: new, in_progress, resolved, silenced or snoozed.")] string status,
        [Description("With status resolved: the app version that fixes the issue (e.g. 2.4.1), at most 50 characters.")] string? resolved_at_version = null,
        CancellationToken cancellationToken = default)
    {
        var ids = Ids(project_id, issue_id);
        var target = TargetStatus(status, resolved_at_version);
        return !ids.IsSuccess ? Task.FromResult(Refusal(ids.Error))
            : !target.IsSuccess ? Task.FromResult(Refusal(target.Error))
            : RunAsync(
            request,
            (issues, actor) => issues.ChangeStatusAsync(actor, ids.Value.Project, ids.Value.Issue, target.Value, resolved_at_version, cancellationToken),
            item => $"Status changed.\n{McpText.IssueLine(item)}",
            cancellationToken);
    }

    [McpServerTool(Name = "merge_issues", Title = "Merge two issues", Destructive = true, OpenWorld = false)]
    [Description(
        "Merges a duplicate issue (source) into another issue of the same project (target): the source's fingerprints, "
        + "occurrences, comments and attachments move to the target, which keeps its status; the source is deleted. Cannot be "
        + "undone. Answers with the target's new line.")]
    public static Task<CallToolResult> MergeIssues(
        RequestContext<CallToolRequestParams> request,
        [Description("The project of both issues (a UUID).")] string project_id,
        [Description("The issue that stays (a UUID).")] string target_issue_id,
        [Description("The duplicate that is merged in and deleted (a UUID).")] string source_issue_id,
        CancellationToken cancellationToken = default)
    {
        var ids = Ids(project_id, target_issue_id, nameof(target_issue_id));
        var source = RequestBodies.ParseMergeSource(new MergeIssueRequest(source_issue_id));
        return !ids.IsSuccess ? Task.FromResult(Refusal(ids.Error))
            : !source.IsSuccess ? Task.FromResult(Refusal(source.Error))
            : RunAsync(
                request,
                (issues, actor) => issues.MergeAsync(actor, ids.Value.Project, ids.Value.Issue, source.Value, cancellationToken),
                item => $"Merged {source.Value} into {item.Issue.Id}.\n{McpText.IssueLine(item)}",
                cancellationToken);
    }

    [McpServerTool(Name = "claim_next_issue", Title = "Claim the next issue to work on", Destructive = false, OpenWorld = false)]
    [Description(
        "Claims the next issue of a project that nobody is working on, so that agents triaging in parallel never take the same "
        + "one. A claim is a work lease, not a status: it shows who holds the issue and until when, and it lapses by itself "
        + "after duration_seconds (15 minutes by default, 30 seconds to 24 hours) unless renewed with renew_claim. Takes the "
        + "first issue in the sort order (last_seen by default) that matches the filters and is unclaimed or whose claim "
        + "lapsed; without status, resolved and silenced issues are skipped. Answers with the claimed issue's line and its "
        + "expiry; 'No unclaimed issue matches' when there is nothing left. Release it with release_issue when done. The claim "
        + "is advisory, between cooperating agents: it keeps the issue out of others' claim_next_issue and only the holder "
        + "renews it, but it does not lock the issue: anyone who may write can still change its status, comment on it or merge "
        + "it while it is claimed, so check an issue's claim before acting on one you did not claim. A claimed issue merged "
        + "into another takes its claim with it: the holder's renew_claim and release_issue then answer 'Issue not found'. To "
        + "claim one given issue, use claim_issue.")]
    public static Task<CallToolResult> ClaimNextIssue(
        RequestContext<CallToolRequestParams> request,
        [Description("The project to take an issue from (a UUID).")] string project_id,
        [Description("Only issues in this status: new, in_progress, resolved, silenced, regressed or snoozed.")] string? status = null,
        [Description("Only issues of this app (a UUID).")] string? app_id = null,
        [Description("production, development or all (the default).")] string? data_mode = null,
        [Description("Which issue comes first: last_seen (default), last_activity, first_seen, occurrences or users.")] string? sort = null,
        [Description("How long the claim lasts, 30 to 86400 seconds; 900 (15 minutes) when left out."), Range(30, 86400)] int? duration_seconds = null,
        CancellationToken cancellationToken = default)
    {
        var projectId = RequiredId(project_id, nameof(project_id));
        var filter = RequestBodies.ParseClaimFilter(new ClaimIssueRequest(status, app_id, data_mode, sort));
        return !projectId.IsSuccess ? Task.FromResult(Refusal(projectId.Error))
            : !filter.IsSuccess ? Task.FromResult(Refusal(filter.Error))
            : RunAsync(
                request,
                (issues, actor) => issues.ClaimNextAsync(actor, projectId.Value, filter.Value, RequestBodies.ClaimDuration(duration_seconds), cancellationToken),
                item => $"Claimed.\n{McpText.IssueLine(item)}",
                cancellationToken);
    }

    [McpServerTool(Name = "claim_issue", Title = "Claim a given issue to work on", Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description(
        "Claims one given issue, e.g. one you were asked to look at, so that other agents leave it to you. When nobody holds "
        + "it (never claimed, released, or its claim lapsed) you become its holder for duration_seconds (15 minutes by "
        + "default, 30 seconds to 24 hours); when you hold it already, your claim is extended to now plus duration_seconds. "
        + "When someone else holds it, the answer is an error naming the holder and expiry; of agents claiming the same free "
        + "issue at once, exactly one gets it. Any status may be claimed. Answers with the issue's line and its expiry. "
        + "Release it with release_issue when done. The claim is advisory, between cooperating agents: it keeps the issue "
        + "out of others' claim_next_issue and claim_issue, but it does not lock the issue: anyone who may write can still "
        + "change its status, comment on it or merge it while it is claimed.")]
    public static Task<CallToolResult> ClaimIssue(
        RequestContext<CallToolRequestParams> request,
        [Description("The issue's project (a UUID).")] string project_id,
        [Description("The issue to claim (a UUID).")] string issue_id,
        [Description("How long the claim lasts from now, 30 to 86400 seconds; 900 (15 minutes) when left out."), Range(30, 86400)] int? duration_seconds = null,
        CancellationToken cancellationToken = default)
    {
        var ids = Ids(project_id, issue_id);
        return ids.IsSuccess
            ? RunAsync(
                request,
                (issues, actor) => issues.ClaimAsync(actor, ids.Value.Project, ids.Value.Issue, RequestBodies.ClaimDuration(duration_seconds), cancellationToken),
                item => $"Claimed.\n{McpText.IssueLine(item)}",
                cancellationToken)
            : Task.FromResult(Refusal(ids.Error));
    }

    [McpServerTool(Name = "renew_claim", Title = "Renew a claim on an issue", Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description(
        "Extends the caller's claim on an issue to now plus duration_seconds (15 minutes by default, 30 seconds to 24 hours), "
        + "for work that takes longer than the claim. Only the holder may renew; a claim held by someone else, or one that "
        + "already lapsed or was released, is an error (others could have taken the issue meanwhile: look at it again, and "
        + "take it again with claim_issue), and an issue merged away meanwhile is 'Issue not found'. A claim keeps the issue "
        + "out of others' claim_next_issue and claim_issue; it does not stop them changing it.")]
    public static Task<CallToolResult> RenewClaim(
        RequestContext<CallToolRequestParams> request,
        [Description("The issue's project (a UUID).")] string project_id,
        [Description("The claimed issue (a UUID).")] string issue_id,
        [Description("The claim's new length from now, 30 to 86400 seconds; 900 when left out."), Range(30, 86400)] int? duration_seconds = null,
        CancellationToken cancellationToken = default)
    {
        var ids = Ids(project_id, issue_id);
        return ids.IsSuccess
            ? RunAsync(
                request,
                (issues, actor) => issues.RenewClaimAsync(actor, ids.Value.Project, ids.Value.Issue, RequestBodies.ClaimDuration(duration_seconds), cancellationToken),
                item => $"Claim renewed.\n{McpText.IssueLine(item)}",
                cancellationToken)
            : Task.FromResult(Refusal(ids.Error));
    }

    [McpServerTool(Name = "release_issue", Title = "Release a claimed issue", Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description(
        "Releases the caller's claim on an issue when the work is done or given up, so that other agents may claim it at once "
        + "instead of waiting for the claim to lapse. The holder releases its own claim, and a team owner or admin anyone's (a "
        + "claim left by an agent that stopped); anyone else gets an error naming the holder. Releasing an issue nobody holds "
        + "succeeds.")]
    public static Task<CallToolResult> ReleaseIssue(
        RequestContext<CallToolRequestParams> request,
        [Description("The issue's project (a UUID).")] string project_id,
        [Description("The claimed issue (a UUID).")] string issue_id,
        CancellationToken cancellationToken = default)
    {
        var ids = Ids(project_id, issue_id);
        return ids.IsSuccess
            ? RunAsync(
                request,
                (issues, actor) => issues.ReleaseClaimAsync(actor, ids.Value.Project, ids.Value.Issue, cancellationToken),
                item => $"Released.\n{McpText.IssueLine(item)}",
                cancellationToken)
            : Task.FromResult(Refusal(ids.Error));
    }

    [McpServerTool(Name = "add_comment", Title = "Comment on an issue", Destructive = false, OpenWorld = false)]
    [Description("Adds a Markdown comment to an issue, written as the caller (e.g. findings, a suspected cause, a link to a fix).")]
    public static Task<CallToolResult> AddComment(
        RequestContext<CallToolRequestParams> request,
        [Description("The issue's project (a UUID).")] string project_id,
        [Description("The issue (a UUID).")] string issue_id,
        [Description("The comment, in Markdown.")] string body,
        CancellationToken cancellationToken = default)
    {
        var ids = Ids(project_id, issue_id);
        return ids.IsSuccess
            ? RunAsync(
                request,
                (issues, actor) => issues.AddCommentAsync(actor, ids.Value.Project, ids.Value.Issue, body, cancellationToken),
                comment => $"Comment added.\n{McpText.CommentLine(comment)}",
                cancellationToken)
            : Task.FromResult(Refusal(ids.Error));
    }

    [McpServerTool(Name = "edit_comment", Title = "Edit a comment", Destructive = true, Idempotent = true, OpenWorld = false)]
    [Description("Replaces the text of a comment; only its author may. Comment ids are listed by get_issue.")]
    public static Task<CallToolResult> EditComment(
        RequestContext<CallToolRequestParams> request,
        [Description("The issue's project (a UUID).")] string project_id,
        [Description("The issue (a UUID).")] string issue_id,
        [Description("The comment (a UUID).")] string comment_id,
        [Description("The new text, in Markdown.")] string body,
        CancellationToken cancellationToken = default)
    {
        var ids = CommentIds(project_id, issue_id, comment_id);
        return !ids.IsSuccess ? Task.FromResult(Refusal(ids.Error))
            : RunAsync(
                request,
                (issues, actor) => issues.EditCommentAsync(actor, ids.Value.Project, ids.Value.Issue, ids.Value.Comment, body, cancellationToken),
                comment => $"Comment edited.\n{McpText.CommentLine(comment)}",
                cancellationToken);
    }

    // Not idempotent: deleting the comment again is an error, the comment is not found.
    [McpServerTool(Name = "delete_comment", Title = "Delete a comment", Destructive = true, OpenWorld = false)]
    [Description("Deletes a comment; its author or an owner or admin of the project's team may. Comment ids are listed by get_issue.")]
    public static Task<CallToolResult> DeleteComment(
        RequestContext<CallToolRequestParams> request,
        [Description("The issue's project (a UUID).")] string project_id,
        [Description("The issue (a UUID).")] string issue_id,
        [Description("The comment (a UUID).")] string comment_id,
        CancellationToken cancellationToken = default)
    {
        var ids = CommentIds(project_id, issue_id, comment_id);
        return !ids.IsSuccess ? Task.FromResult(Refusal(ids.Error))
            : RunAsync(
                request,
                (issues, actor) => issues.DeleteCommentAsync(actor, ids.Value.Project, ids.Value.Issue, ids.Value.Comment, cancellationToken),
                comment => $"Comment {comment.Id} deleted.",
                cancellationToken);
    }

    /// <summary>
    /// Resolves the caller as the API's endpoints do (<see cref="CurrentActor"/>: the registered
    /// <see cref="IActorResolver"/> over the request's principal), calls the service and renders its value or refusal.
    /// </summary>
    private static async Task<CallToolResult> RunAsync<T>(
        RequestContext<CallToolRequestParams> request,
        Func<IIssueService, Actor, Task<IssueResult<T>>> call,
        Func<T, string> render,
        CancellationToken ct)
    {
        var services = request.Services ?? throw new InvalidOperationException("The MCP request carries no services.");
        var actor = request.User is { } principal
            ? await services.GetRequiredService<IActorResolver>().ResolveAsync(principal, ct).ConfigureAwait(false)
            : null;
        if (actor is null)
        {
            return Refusal(IssueError.Unauthenticated("Invalid credentials"));
        }

        var result = await call(services.GetRequiredService<IIssueService>(), actor).ConfigureAwait(false);
        return result.IsSuccess ? Answer(render(result.Value)) : Refusal(result.Error);
    }

    /// <summary>
    /// The status to change to. A <c>resolved_at_version</c> with another status is refused here, where the HTTP API
    /// ignores it: a model that sends one expects it kept, and would not notice that it was dropped.
    /// </summary>
    private static IssueResult<IssueStatus> TargetStatus(string status, string? resolvedAtVersion)
    {
        var target = RequestBodies.ParseStatus(new UpdateIssueRequest(status, resolvedAtVersion));
        return target.IsSuccess && target.Value != IssueStatus.Resolved && !string.IsNullOrWhiteSpace(resolvedAtVersion)
            ? IssueError.Invalid($"resolved_at_version is taken with status resolved only, not with {target.Value.ToWireName()}")
            : target;
    }

    private static IssueResult<(Guid Project, Guid Issue)> Ids(string? projectId, string? issueId, string issueName = "issue_id")
    {
        var project = RequiredId(projectId, "project_id");
        var issue = RequiredId(issueId, issueName);
        return !project.IsSuccess ? project.Error
            : !issue.IsSuccess ? issue.Error
            : (project.Value, issue.Value);
    }

    private static IssueResult<(Guid Project, Guid Issue, Guid Comment)> CommentIds(string? projectId, string? issueId, string? commentId)
    {
        var ids = Ids(projectId, issueId);
        var comment = RequiredId(commentId, "comment_id");
        return !ids.IsSuccess ? ids.Error
            : !comment.IsSuccess ? comment.Error
            : (ids.Value.Project, ids.Value.Issue, comment.Value);
    }

    private static IssueResult<Guid> RequiredId(string? value, string name)
    {
        var id = QueryValues.ParseGuid(value, name);
        return !id.IsSuccess ? id.Error
            : id.Value is { } parsed ? parsed
            : IssueError.Invalid($"{name} is required");
    }

    private static CallToolResult Answer(string text) => new() { Content = [new TextContentBlock { Text = text }] };

    // A refusal may name a claim's holder, a name nobody vetted.
    private static CallToolResult Refusal(IssueError error) => new() { IsError = true, Content = [new TextContentBlock { Text = OutsideText.Line(error.Message) }] };
}
