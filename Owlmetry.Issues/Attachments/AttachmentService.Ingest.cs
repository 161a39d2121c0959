using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Attachments;

internal sealed partial class AttachmentService
{
    private static readonly IssueError s_alreadyUploaded = AlreadyUploaded("Attachment already uploaded");

    public async Task<IssueResult<AttachmentReservation>> ReserveAsync(
        Actor actor, Guid appId, AttachmentReservationRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var app = await AuthorizeIngestAsync(actor, appId, ct).ConfigureAwait(false);
        if (!app.IsSuccess)
        {
            return app.Error;
        }

        var valid = AttachmentRules.Validate(request, _options);
        if (!valid.IsSuccess)
        {
            return valid.Error;
        }

        var now = timeProvider.GetUtcNowMilliseconds();
        var candidate = new IssueAttachment
        {
            Id = TimeOrderedIds.New(now),
            ProjectId = app.Value.ProjectId,
            AppId = appId,
            ClientEventId = valid.Value.ClientEventId,
            UserId = valid.Value.UserId,
            IsDev = valid.Value.IsDev,
            OriginalFilename = valid.Value.OriginalFilename,
            ContentType = valid.Value.ContentType,
            SizeBytes = valid.Value.SizeBytes,
            Sha256 = valid.Value.Sha256,
            CreatedAt = now,
        };
        var reserved = await store.WriteAsync(writer => ReserveAsync(writer, candidate, now), ct).ConfigureAwait(false);
        return reserved.Map(attachment => new AttachmentReservation(attachment, UploadExpiresAt(attachment)));
    }

    public async Task<IssueResult<IssueAttachment>> UploadAsync(
        Actor actor, Guid appId, Guid attachmentId, Stream content, long? contentLength = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        var app = await AuthorizeIngestAsync(actor, appId, ct).ConfigureAwait(false);
        if (!app.IsSuccess)
        {
            return app.Error;
        }

        var attachment = await store.ReadAsync(r => r.FindAttachmentAsync(attachmentId), ct).ConfigureAwait(false);
        if (attachment is null || attachment.AppId != appId || attachment.DeletedAt is not null)
        {
            return s_attachmentNotFound;
        }

        if (attachment.IsUploaded)
        {
            return s_alreadyUploaded;
        }

        if (timeProvider.GetUtcNow() >= UploadExpiresAt(attachment))
        {
            return IssueError.Gone("The upload window of this attachment has closed; reserve it again");
        }

        if (contentLength is { } length && length != attachment.SizeBytes)
        {
            return SizeMismatch(length, attachment.SizeBytes);
        }

        if (!gate.TryEnter(attachmentId))
        {
            return IssueError.Conflict("An upload of this attachment is already in progress");
        }

        try
        {
            return await StreamAsync(attachment, content, ct).ConfigureAwait(false);
        }
        finally
        {
            gate.Exit(attachmentId);
        }
    }

    /// <summary>Permission, then the app: it must exist and belong to one of the actor's teams (another team's app is "not found").</summary>
    private async Task<IssueResult<AppInfo>> AuthorizeIngestAsync(Actor actor, Guid appId, CancellationToken ct)
    {
        if (!actor.Has(IssuePermissions.EventsWrite))
        {
            return IssueError.MissingPermission(IssuePermissions.EventsWrite);
        }

        var app = await directory.FindAppAsync(appId, ct).ConfigureAwait(false);
        return app is not null && await VisibleProjectAsync(actor, app.ProjectId, ct).ConfigureAwait(false) is not null ? app : s_appNotFound;
    }

    /// <summary>
    /// The reservation's unit of work: a retry of a waiting reservation gets it back, quotas are checked against the
    /// totals of this very unit (so two reservations cannot both squeeze under a limit), and an event the scan has
    /// already placed links the attachment to its issue at once.
    /// </summary>
    private async ValueTask<IssueResult<IssueAttachment>> ReserveAsync(IIssueStoreWriter writer, IssueAttachment candidate, DateTimeOffset now)
    {
        var same = (await writer.ListAttachmentsOfClientEventAsync(candidate.AppId, candidate.ClientEventId).ConfigureAwait(false)).FirstOrDefault(a =>
            a.DeletedAt is null && a.Sha256 == candidate.Sha256 && a.SizeBytes == candidate.SizeBytes
            && a.OriginalFilename == candidate.OriginalFilename && (a.IsUploaded || now < UploadExpiresAt(a)));
        if (same is not null)
        {
            return same.IsUploaded ? AlreadyUploaded("This file is already attached to the event") : same;
        }

        // The user's quota before the project's, in the reference's order: when both are full, SDKs are told the user's.
        if (candidate.UserId is { } userId
            && CheckQuota(Quota.User, await writer.GetUserAttachmentBytesAsync(candidate.ProjectId, userId).ConfigureAwait(false), _options.UserQuotaBytes, candidate.SizeBytes) is { } userFull)
        {
            return userFull;
        }

        if (CheckQuota(Quota.Project, await writer.GetProjectAttachmentBytesAsync(candidate.ProjectId).ConfigureAwait(false), _options.ProjectQuotaBytes, candidate.SizeBytes) is { } projectFull)
        {
            return projectFull;
        }

        var attachment = await AttachmentLinks.OnReservedAsync(writer, fingerprints, candidate).ConfigureAwait(false);
        await writer.UpsertAttachmentAsync(attachment).ConfigureAwait(false);
        return attachment;
    }

    /// <summary>413 when this attachment would take the quota's bytes over its limit, with the reference's code and figures.</summary>
    private static IssueError? CheckQuota(Quota owner, long used, long quota, long size)
    {
        if (used + size <= quota)
        {
            return null;
        }

        var (name, code, quotaFigure, usedFigure) = owner == Quota.User
            ? ("user", AttachmentRejectionCodes.UserQuotaExhausted, "user_quota_bytes", "user_used_bytes")
            : ("project", AttachmentRejectionCodes.QuotaExhausted, "quota_bytes", "used_bytes");
        return IssueError.TooLarge(
            $"Attachment quota of the {name} exceeded: {Bytes.Describe(used)} of {Bytes.Describe(quota)} in use, and this attachment needs {Bytes.Describe(size)}")
            with { Code = code, Figures = new Dictionary<string, long> { [quotaFigure] = quota, [usedFigure] = used } };
    }

    private static IssueError SizeMismatch(long actual, long declared) =>
        (actual > declared
            ? IssueError.TooLarge($"The upload is larger than the {Bytes.Describe(declared)} declared at reservation")
            : IssueError.Invalid($"The upload is {Bytes.Describe(actual)}; the reservation declared {Bytes.Describe(declared)}"))
        with { Code = AttachmentRejectionCodes.SizeMismatch };

    private static IssueError AlreadyUploaded(string message) => IssueError.Conflict(message) with { Code = AttachmentRejectionCodes.AlreadyUploaded };

    /// <summary>
    /// Copies the body into the blob store through the verifying stream, then records the upload. Whatever refuses
    /// the bytes (size, hash, signature, a failed write) deletes them, so a refused upload keeps nothing.
    /// </summary>
    private async Task<IssueResult<IssueAttachment>> StreamAsync(IssueAttachment attachment, Stream content, CancellationToken ct)
    {
        using var verifying = new VerifyingUploadStream(content, attachment.SizeBytes);
        try
        {
            await blobs.WriteAsync(attachment.Id, verifying, ct).ConfigureAwait(false);
        }
        catch (UploadRefusedException refused)
        {
            await blobs.DeleteAsync(attachment.Id, CancellationToken.None).ConfigureAwait(false);
            return refused.Error;
        }
        catch
        {
            await blobs.DeleteAsync(attachment.Id, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var sha256 = verifying.Sha256Hex();
        var mismatch = verifying.BytesRead != attachment.SizeBytes ? SizeMismatch(verifying.BytesRead, attachment.SizeBytes)
            : sha256 != attachment.Sha256
                ? IssueError.Invalid($"The upload's SHA-256 is {sha256}; the reservation declared {attachment.Sha256}") with { Code = AttachmentRejectionCodes.HashMismatch }
            : null;
        if (mismatch is not null)
        {
            await blobs.DeleteAsync(attachment.Id, CancellationToken.None).ConfigureAwait(false);
            return mismatch;
        }

        return await RecordUploadAsync(attachment.Id, ct).ConfigureAwait(false);
    }

    private async Task<IssueResult<IssueAttachment>> RecordUploadAsync(Guid attachmentId, CancellationToken ct)
    {
        var now = timeProvider.GetUtcNowMilliseconds();
        IssueResult<IssueAttachment> recorded;
        try
        {
            recorded = await store.WriteAsync(
                async writer =>
                {
                    var current = await writer.FindAttachmentAsync(attachmentId).ConfigureAwait(false);
                    if (current is null || current.DeletedAt is not null)
                    {
                        return s_attachmentNotFound;
                    }

                    if (current.IsUploaded)
                    {
                        return s_alreadyUploaded;
                    }

                    var uploaded = current with { UploadedAt = now };
                    await writer.UpsertAttachmentAsync(uploaded).ConfigureAwait(false);
                    return IssueResult<IssueAttachment>.Success(uploaded);
                },
                ct).ConfigureAwait(false);
        }
        catch
        {
            await blobs.DeleteAsync(attachmentId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        // Deleted meanwhile: its bytes have no row to belong to. (Already uploaded cannot happen behind the upload gate.)
        if (recorded.Error?.Kind == IssueErrorKind.NotFound)
        {
            await blobs.DeleteAsync(attachmentId, CancellationToken.None).ConfigureAwait(false);
        }

        return recorded;
    }

    private enum Quota
    {
        User,
        Project,
    }
}
