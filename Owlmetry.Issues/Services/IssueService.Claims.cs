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
    private const int ClaimScanPage = 100;

    private static readonly IssueError s_nothingToClaim = IssueError.NotFound("No unclaimed issue matches");

    public async Task<IssueResult<IssueListItem>> ClaimNextAsync(
        Actor actor, Guid projectId, IssueQuery filter, TimeSpan? duration = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var access = await AuthorizeAsync(actor, IssuePermissions.Write, projectId, ct).ConfigureAwait(false);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        var length = ClaimRules.Duration(duration);
        if (!length.IsSuccess)
        {
            return length.Error;
        }

        var isDev = filter.IsDev ?? (filter.DataMode ?? DataMode.All).ToIsDev();
        var now = timeProvider.GetUtcNowMilliseconds();
        var listFilter = new IssueListFilter([projectId], filter.Status, filter.AppId, isDev, IssueClaimCondition.Unclaimed(now));

        // One write unit: units run one at a time on every provider, so two claimers never see the same issue unclaimed.
        var claimed = await store.WriteAsync(
            async writer =>
            {
                KeysetKey? after = null;
                while (true)
                {
                    var page = await writer.ListIssuesAsync(listFilter, filter.Sort, after, ClaimScanPage).ConfigureAwait(false);
                    var next = page.FirstOrDefault(issue => IsWork(issue, filter.Status));
                    if (next is not null)
                    {
                        var taken = ClaimRules.Claim(next, actor, now, length.Value);
                        await writer.UpdateIssueAsync(taken).ConfigureAwait(false);
                        return IssueResult<Issue>.Success(taken);
                    }

                    if (page.Count < ClaimScanPage)
                    {
                        return s_nothingToClaim;
                    }

                    after = filter.Sort.KeyOf(page[^1]);
                }
            },
            ct).ConfigureAwait(false);
        return claimed.IsSuccess ? await DescribeAsync(claimed.Value, ct).ConfigureAwait(false) : claimed.Error;
    }

    public Task<IssueResult<IssueListItem>> ClaimAsync(
        Actor actor, Guid projectId, Guid issueId, TimeSpan? duration = null, CancellationToken ct = default)
    {
        var length = ClaimRules.Duration(duration);
        return ChangeClaimAsync(
            actor, projectId, issueId, (issue, now, _) => length.IsSuccess ? ClaimRules.ClaimOrExtend(issue, actor, now, length.Value) : length.Error, ct);
    }

    public Task<IssueResult<IssueListItem>> RenewClaimAsync(
        Actor actor, Guid projectId, Guid issueId, TimeSpan? duration = null, CancellationToken ct = default)
    {
        // Checked once the caller is authorized, as claiming does: a caller without the permission learns that first.
        var length = ClaimRules.Duration(duration);
        return ChangeClaimAsync(
            actor, projectId, issueId, (issue, now, _) => length.IsSuccess ? ClaimRules.Renew(issue, actor, now, length.Value) : length.Error, ct);
    }

    public Task<IssueResult<IssueListItem>> ReleaseClaimAsync(Actor actor, Guid projectId, Guid issueId, CancellationToken ct = default) =>
        ChangeClaimAsync(actor, projectId, issueId, (issue, now, teamId) => ClaimRules.Release(issue, actor, teamId, now), ct);

    public async Task<int> EndClaimsHeldByAsync(ActorKind holderKind, Guid holderId, Guid teamId, CancellationToken ct = default)
    {
        var projects = await directory.ListProjectsAsync([teamId], ct).ConfigureAwait(false);
        return projects.Count == 0
            ? 0
            : await store.WriteAsync(writer => writer.EndClaimsHeldByAsync(holderKind, holderId, [.. projects.Select(p => p.Id)]), ct).ConfigureAwait(false);
    }

    /// <summary>Without a status filter, resolved and silenced issues are not work to claim.</summary>
    private static bool IsWork(Issue issue, IssueStatus? status) =>
        status is not null || issue.Status is not (IssueStatus.Resolved or IssueStatus.Silenced);

    /// <summary>
    /// Applies <paramref name="change"/>, given the issue, the time and the project's team, and stores the claim it
    /// decides. Reading the claim and storing the new one are one write unit, and units run one at a time on every
    /// provider: a compare-and-set, so that of two callers taking a free issue the second finds the first's claim.
    /// </summary>
    private Task<IssueResult<IssueListItem>> ChangeClaimAsync(
        Actor actor, Guid projectId, Guid issueId, Func<Issue, DateTimeOffset, Guid, IssueResult<Issue>> change, CancellationToken ct) =>
        ChangeIssueAsync(
            actor,
            projectId,
            issueId,
            async (writer, issue, now, project) =>
            {
                var result = change(issue, now, project.TeamId);
                if (result.IsSuccess && result.Value.Claim != issue.Claim)
                {
                    await writer.UpdateIssueAsync(result.Value).ConfigureAwait(false);
                }

                return result;
            },
            ct);
}
