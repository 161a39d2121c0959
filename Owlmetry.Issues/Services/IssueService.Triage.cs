using Owlmetry.Issues.Access;
using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Lifecycle;
using Owlmetry.Issues.Merging;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Services;

internal sealed partial class IssueService
{
    public Task<IssueResult<IssueListItem>> ChangeStatusAsync(
        Actor actor, Guid projectId, Guid issueId, IssueStatus target, string? resolvedAtVersion, CancellationToken ct = default) =>
        ChangeIssueAsync(
            actor,
            projectId,
            issueId,
            async (writer, issue, now, _) =>
            {
                var result = IssueLifecycle.ChangeStatus(issue, target, resolvedAtVersion, now);
                if (result.IsSuccess)
                {
                    await writer.UpdateIssueAsync(result.Value).ConfigureAwait(false);
                    await writer.AppendAuditAsync(StatusAudit(actor, issue, result.Value, now)).ConfigureAwait(false);
                }

                return result;
            },
            ct);

    public async Task<IssueResult<IssueListItem>> MergeAsync(
        Actor actor, Guid projectId, Guid targetIssueId, Guid sourceIssueId, CancellationToken ct = default)
    {
        var access = await AuthorizeAsync(actor, IssuePermissions.Write, projectId, ct).ConfigureAwait(false);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        if (sourceIssueId == targetIssueId)
        {
            return IssueError.Invalid("Cannot merge an issue into itself");
        }

        var request = new MergeRequest(projectId, targetIssueId, sourceIssueId, actor, timeProvider.GetUtcNowMilliseconds());
        var merged = await store.WriteAsync(writer => IssueMerger.MergeAsync(writer, request), ct).ConfigureAwait(false);
        return merged.IsSuccess ? await DescribeAsync(merged.Value, ct).ConfigureAwait(false) : merged.Error;
    }

    private static AuditRecord StatusAudit(Actor actor, Issue before, Issue after, DateTimeOffset now) => new()
    {
        Id = TimeOrderedIds.New(now),
        ProjectId = before.ProjectId,
        IssueId = before.Id,
        ActorKind = actor.Kind,
        ActorId = actor.Id,
        ActorName = actor.Name,
        Action = AuditActions.StatusChanged,
        FromStatus = before.Status,
        ToStatus = after.Status,
        FromResolvedAtVersion = before.ResolvedAtVersion,
        ToResolvedAtVersion = after.ResolvedAtVersion,
        CreatedAt = now,
    };
}
