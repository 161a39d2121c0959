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
    public static IssueResult<Issue> Merge(IIssueStoreWriter store, MergeRequest request)
    {
        var target = store.FindIssue(request.TargetIssueId);
        if (target is null || target.ProjectId != request.ProjectId)
        {
            return IssueError.NotFound("Target issue not found");
        }

        var source = store.FindIssue(request.SourceIssueId);
        if (source is null || source.ProjectId != request.ProjectId)
        {
            return IssueError.NotFound("Source issue not found in this project");
        }

        var occurrences = store.MergeOccurrences(source.Id, target.Id);
        store.MoveComments(source.Id, target.Id);
        store.MoveAttachments(source.Id, target.Id);
        // Every alias of the source, not only the keys its hashes make with its own app and side: a source that
        // absorbed a dev or another app's issue earlier holds aliases of those too, which would dangle once it is deleted.
        store.MoveFingerprints(source.Id, target.Id);

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
        store.UpdateIssue(merged);
        store.DeleteIssue(source.Id);
        store.AppendAudit(new AuditRecord
        {
            Id = Guid.CreateVersion7(request.Now),
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
        });
        return merged;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
