using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Rollups;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Merging;

/// <summary>
/// The merge rule, run inside one store unit of work so that it is atomic on every provider: the source's
/// fingerprints, occurrences (except sessions the target already has), comments and attachment links move to
/// the target, the target's roll-ups are recomputed, the source is deleted, and the target keeps its status.
/// </summary>
internal static class IssueMerger
{
    public static async ValueTask<IssueResult<Issue>> MergeAsync(IIssueStoreWriter store, MergeRequest request)
    {
        var target = await store.FindIssueAsync(request.TargetIssueId).ConfigureAwait(false);
        if (target is null || target.ProjectId != request.ProjectId)
        {
            return IssueError.NotFound("Target issue not found");
        }

        var source = await store.FindIssueAsync(request.SourceIssueId).ConfigureAwait(false);
        if (source is null || source.ProjectId != request.ProjectId)
        {
            return IssueError.NotFound("Source issue not found in this project");
        }

        var occurrences = await store.MergeOccurrencesAsync(source.Id, target.Id).ConfigureAwait(false);
        await store.MoveCommentsAsync(source.Id, target.Id).ConfigureAwait(false);
        await store.MoveAttachmentsAsync(source.Id, target.Id).ConfigureAwait(false);
        // Every alias of the source, not only the keys its hashes make with its own app and side: a source that
        // absorbed a dev or another app's issue earlier holds aliases of those too, which would dangle once it is deleted.
        await store.MoveFingerprintsAsync(source.Id, target.Id).ConfigureAwait(false);

        // Seen times are widened first so that issues without stored occurrences still merge to the union span.
        var merged = IssueRollup.Apply(
            target with
            {
                Fingerprints = [.. target.Fingerprints.Union(source.Fingerprints, StringComparer.Ordinal)],
                FirstSeenAt = Min(target.FirstSeenAt, source.FirstSeenAt),
                LastSeenAt = Max(target.LastSeenAt, source.LastSeenAt),
                UpdatedAt = request.Now,
            },
            occurrences);
        await store.UpdateIssueAsync(merged).ConfigureAwait(false);
        await store.DeleteIssueAsync(source.Id).ConfigureAwait(false);
        await store.AppendAuditAsync(new AuditRecord
        {
            Id = TimeOrderedIds.New(request.Now),
            ProjectId = target.ProjectId,
            IssueId = target.Id,
            ActorKind = request.Actor.Kind,
            ActorId = request.Actor.Id,
            ActorName = request.Actor.Name,
            Action = AuditActions.Merged,
            FromStatus = target.Status,
            ToStatus = merged.Status,
            FromResolvedAtVersion = target.ResolvedAtVersion,
            ToResolvedAtVersion = merged.ResolvedAtVersion,
            MergedIssueId = source.Id,
            CreatedAt = request.Now,
        }).ConfigureAwait(false);
        return merged;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
