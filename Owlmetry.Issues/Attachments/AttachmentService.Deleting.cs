using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Attachments;

internal sealed partial class AttachmentService
{
    public async Task<IssueResult<IssueAttachment>> DeleteAsync(Actor actor, Guid attachmentId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind == ActorKind.Client)
        {
            return IssueError.Forbidden("Client keys cannot delete attachments");
        }

        if (!actor.Has(IssuePermissions.EventsWrite))
        {
            return IssueError.MissingPermission(IssuePermissions.EventsWrite);
        }

        var found = await FindVisibleAsync(actor, attachmentId, ct).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        if (actor.Kind == ActorKind.User && !actor.IsTeamAdmin(found.Value.Project.TeamId))
        {
            return IssueError.Forbidden("Only a team owner or admin may delete attachments");
        }

        var now = timeProvider.GetUtcNowMilliseconds();
        return await store.WriteAsync(
            async writer =>
            {
                if (await writer.FindAttachmentAsync(attachmentId).ConfigureAwait(false) is not { DeletedAt: null } current)
                {
                    return s_attachmentNotFound;
                }

                var deleted = current with { DeletedAt = now };
                await writer.UpsertAttachmentAsync(deleted).ConfigureAwait(false);
                return IssueResult<IssueAttachment>.Success(deleted);
            },
            ct).ConfigureAwait(false);
    }
}
