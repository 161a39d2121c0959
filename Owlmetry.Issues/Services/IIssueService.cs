using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Querying;

namespace Owlmetry.Issues.Services;

/// <summary>
/// Every operation of the Issues API, authorized from the <see cref="Actor"/>: keys need <c>issues:read</c> or
/// <c>issues:write</c>, everyone is limited to their teams' projects (another team's project is "not found"),
/// and comment edits and deletes follow the author and admin rules. Failures are values, never exceptions.
/// </summary>
public interface IIssueService
{
    /// <summary>
    /// Lists a project's issues, most recently seen first unless the query sorts otherwise; <see cref="IssueQuery.Claim"/>
    /// keeps those the caller holds, those anyone holds or those nobody holds, as of the service's clock.
    /// </summary>
    Task<IssueResult<IssuePage>> ListAsync(Actor actor, Guid projectId, IssueQuery query, CancellationToken ct = default);

    /// <summary>Lists the issues of every project of the actor's teams, each with its project name.</summary>
    Task<IssueResult<IssuePage>> ListAcrossTeamsAsync(Actor actor, TeamIssueQuery query, CancellationToken ct = default);

    /// <summary>An issue with a page of occurrences, its comments and attachments.</summary>
    Task<IssueResult<IssueDetail>> GetAsync(Actor actor, Guid projectId, Guid issueId, OccurrencePageRequest occurrences, CancellationToken ct = default);

    /// <summary>Moves an issue to <paramref name="target"/> if the lifecycle allows it, with its side effects.</summary>
    Task<IssueResult<IssueListItem>> ChangeStatusAsync(Actor actor, Guid projectId, Guid issueId, IssueStatus target, string? resolvedAtVersion, CancellationToken ct = default);

    /// <summary>
    /// Merges <paramref name="sourceIssueId"/> into <paramref name="targetIssueId"/> atomically: fingerprints,
    /// occurrences (one per session), comments and attachment links move, roll-ups are recomputed, the source is
    /// deleted and the target keeps its status.
    /// </summary>
    Task<IssueResult<IssueListItem>> MergeAsync(Actor actor, Guid projectId, Guid targetIssueId, Guid sourceIssueId, CancellationToken ct = default);

    /// <summary>
    /// Claims the first issue of the project, in <paramref name="filter"/>'s sort order, that nobody holds (no claim, or
    /// a lapsed one), atomically: concurrent callers never get the same issue. Without a status in the filter, resolved
    /// and silenced issues are skipped; the filter's claim filter, cursor and limit are ignored. Needs
    /// <c>issues:write</c>.
    /// </summary>
    /// <param name="actor">The caller, who becomes the holder.</param>
    /// <param name="projectId">The project.</param>
    /// <param name="filter">Status, app, data mode and sort of the issues to consider.</param>
    /// <param name="duration">How long the claim lasts: 30 seconds to 24 hours, 15 minutes when null.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The claimed issue with its claim, or not found (<c>No unclaimed issue matches</c>).</returns>
    Task<IssueResult<IssueListItem>> ClaimNextAsync(Actor actor, Guid projectId, IssueQuery filter, TimeSpan? duration = null, CancellationToken ct = default);

    /// <summary>
    /// Claims one issue, atomically: when nobody holds it (never claimed, released, or its claim lapsed) the caller
    /// becomes its holder from now; when the caller holds it already, its claim is extended to now plus
    /// <paramref name="duration"/>; when someone else holds a live claim, a conflict naming the holder and expiry. Of
    /// concurrent callers claiming a free issue, exactly one becomes the holder. The issue's status does not matter.
    /// Needs <c>issues:write</c>.
    /// </summary>
    /// <param name="actor">The caller, who becomes or stays the holder.</param>
    /// <param name="projectId">The issue's project.</param>
    /// <param name="issueId">The issue.</param>
    /// <param name="duration">How long the claim lasts from now: 30 seconds to 24 hours, 15 minutes when null.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The issue with the caller's claim, a conflict naming another holder, or not found.</returns>
    Task<IssueResult<IssueListItem>> ClaimAsync(Actor actor, Guid projectId, Guid issueId, TimeSpan? duration = null, CancellationToken ct = default);

    /// <summary>
    /// Extends the caller's active claim on an issue to now plus <paramref name="duration"/> (30 seconds to 24 hours,
    /// 15 minutes when null). Anyone but the holder is a conflict naming the holder; so is a claim that lapsed or was
    /// released, which tells the former holder that others could have taken the issue meanwhile (<see cref="ClaimAsync"/>
    /// takes it again if nobody did).
    /// </summary>
    Task<IssueResult<IssueListItem>> RenewClaimAsync(Actor actor, Guid projectId, Guid issueId, TimeSpan? duration = null, CancellationToken ct = default);

    /// <summary>
    /// Releases the claim on an issue, so that others may claim it: the holder's own, or anyone's when the caller is an
    /// owner or admin of the project's team. Releasing an issue nobody holds succeeds; an issue held by someone else is,
    /// for anyone else, a conflict naming the holder and expiry.
    /// </summary>
    Task<IssueResult<IssueListItem>> ReleaseClaimAsync(Actor actor, Guid projectId, Guid issueId, CancellationToken ct = default);

    /// <summary>
    /// Ends every claim that the <paramref name="holderKind"/> with id <paramref name="holderId"/> holds on issues of the
    /// team's projects, in one unit of work, so that they go back to the claim queue at once instead of when the claims
    /// lapse: for the host to call once it has revoked that key or removed that user from the team. It checks no caller:
    /// the host decided.
    /// </summary>
    /// <param name="holderKind">An agent key or a user.</param>
    /// <param name="holderId">The key's or the user's id.</param>
    /// <param name="teamId">The team the holder no longer acts in.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>How many claims ended.</returns>
    Task<int> EndClaimsHeldByAsync(ActorKind holderKind, Guid holderId, Guid teamId, CancellationToken ct = default);

    /// <summary>The non-deleted comments of an issue, oldest first.</summary>
    Task<IssueResult<IReadOnlyList<IssueComment>>> ListCommentsAsync(Actor actor, Guid projectId, Guid issueId, CancellationToken ct = default);

    /// <summary>Adds a comment written by the actor and bumps the issue's <c>updated_at</c>.</summary>
    Task<IssueResult<IssueComment>> AddCommentAsync(Actor actor, Guid projectId, Guid issueId, string? body, CancellationToken ct = default);

    /// <summary>Edits a comment; only its author may.</summary>
    Task<IssueResult<IssueComment>> EditCommentAsync(Actor actor, Guid projectId, Guid issueId, Guid commentId, string? body, CancellationToken ct = default);

    /// <summary>Soft-deletes a comment; its author or an owner or admin of the project's team may.</summary>
    Task<IssueResult<IssueComment>> DeleteCommentAsync(Actor actor, Guid projectId, Guid issueId, Guid commentId, CancellationToken ct = default);

    /// <summary>
    /// What a triage page shows beside an issue: the status changes allowed from its current status, its occurrences per
    /// UTC day over the last 14 days, their split by app version, environment and country, its audit trail, and which of
    /// its comments the caller may edit or delete (the comment rules, as the comment routes apply them).
    /// </summary>
    /// <param name="actor">The caller; needs <c>issues:read</c> and the project's team.</param>
    /// <param name="projectId">The project.</param>
    /// <param name="issueId">The issue.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The overview, or not found.</returns>
    Task<IssueResult<IssueOverview>> GetOverviewAsync(Actor actor, Guid projectId, Guid issueId, CancellationToken ct = default);

    /// <summary>
    /// The project's issues whose title contains every word of <paramref name="text"/> (ignoring case), most recently
    /// seen first; it reads at most the 5,000 most recently seen issues. No cursor: <see cref="IssuePage.HasMore"/> says
    /// that more matched than <paramref name="limit"/>.
    /// </summary>
    /// <param name="actor">The caller; needs <c>issues:read</c> and the project's team.</param>
    /// <param name="projectId">The project.</param>
    /// <param name="text">The words to find; blank is invalid.</param>
    /// <param name="limit">How many to return, clamped to 1..200; 50 when null.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The matching issues.</returns>
    Task<IssueResult<IssuePage>> SearchAsync(Actor actor, Guid projectId, string? text, int? limit, CancellationToken ct = default);

    /// <summary>
    /// How many of a project's issues match the list's app and data-mode filters, in all and per status (the status tabs
    /// of a stream). The query's status, claim filter, sort, cursor and limit are ignored. Authorized as
    /// <see cref="ListAsync"/>.
    /// </summary>
    /// <param name="actor">The caller; needs <c>issues:read</c> and the project's team.</param>
    /// <param name="projectId">The project.</param>
    /// <param name="query">The app and data mode (absent: all), as the list takes them.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The counts, or not found.</returns>
    Task<IssueResult<IssueStatusCounts>> CountAsync(Actor actor, Guid projectId, IssueQuery query, CancellationToken ct = default);

    /// <summary>
    /// How many issues of the actor's teams match the team list's filters, in all and per status. The query's status,
    /// claim filter, sort, cursor and limit are ignored. Authorized as <see cref="ListAcrossTeamsAsync"/>: a team the
    /// caller is not in counts nothing.
    /// </summary>
    /// <param name="actor">The caller; needs <c>issues:read</c>.</param>
    /// <param name="query">Team, project, app and data mode (absent: production), as the team list takes them.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The counts.</returns>
    Task<IssueResult<IssueStatusCounts>> CountAcrossTeamsAsync(Actor actor, TeamIssueQuery query, CancellationToken ct = default);

    /// <summary>
    /// Occurrences per UTC day over the last 14 days (today last) of several issues at once, for a list's charts: one read
    /// of the store that counts only the occurrences of those days. Issues that do not exist or that the caller cannot see
    /// (another team's) are left out; the others come in the order asked.
    /// </summary>
    /// <param name="actor">The caller; needs <c>issues:read</c>.</param>
    /// <param name="issueIds">The issues, at most 200.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The daily counts of the visible issues, or invalid when more than 200 are asked.</returns>
    Task<IssueResult<IReadOnlyList<IssueDailyCounts>>> GetDailyCountsAsync(Actor actor, IReadOnlyCollection<Guid> issueIds, CancellationToken ct = default);
}
