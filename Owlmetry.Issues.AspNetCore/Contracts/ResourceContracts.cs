using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Events;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.AspNetCore.Contracts;

/// <summary>Maps the library's attachments, events, scan runs and ingest results to the API's response shapes.</summary>
public static class ResourceContracts
{
    /// <summary>The response of an attachment, as the attachment routes list it.</summary>
    public static AttachmentItemResponse ToItemResponse(this IssueAttachment a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new AttachmentItemResponse
        {
            Id = a.Id,
            ProjectId = a.ProjectId,
            AppId = a.AppId,
            IssueId = a.IssueId,
            EventId = a.EventId,
            EventClientId = a.ClientEventId,
            UserId = a.UserId,
            IsDev = a.IsDev,
            OriginalFilename = a.OriginalFilename,
            ContentType = a.ContentType,
            SizeBytes = a.SizeBytes,
            Sha256 = a.Sha256,
            UploadedAt = a.UploadedAt,
            CreatedAt = a.CreatedAt,
        };
    }

    /// <summary>The response of an attachment with its signed download link, which needs both a URL and its expiry.</summary>
    public static AttachmentDetailResponse ToDetailResponse(this IssueAttachment a, string? downloadUrl, DateTimeOffset? expiresAt) =>
        new(a.ToItemResponse(), downloadUrl is not null && expiresAt is { } expires
            ? new AttachmentDownloadUrlResponse(downloadUrl, expires, a.OriginalFilename, a.ContentType, a.SizeBytes)
            : null);

    /// <summary>The response of a stored event.</summary>
    public static EventResponse ToResponse(this ErrorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EventResponse
        {
            Id = e.Id,
            AppId = e.AppId,
            ProjectId = e.ProjectId,
            SessionId = e.SessionId,
            ClientEventId = e.ClientEventId,
            UserId = e.UserId,
            SourceModule = e.SourceModule,
            Message = e.Message,
            ScreenName = e.ScreenName,
            CustomAttributes = e.CustomAttributes,
            Environment = e.Environment,
            OsVersion = e.OsVersion,
            AppVersion = e.AppVersion,
            SdkName = e.SdkName,
            SdkVersion = e.SdkVersion,
            BuildNumber = e.BuildNumber,
            DeviceModel = e.DeviceModel,
            CountryCode = e.CountryCode,
            IsDev = e.IsDev,
            Timestamp = e.Timestamp,
            ReceivedAt = e.ReceivedAt,
        };
    }

    /// <summary>The response of a stored event with its attachments.</summary>
    public static EventDetailResponse ToResponse(this EventDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return new EventDetailResponse(
            detail.Event.ToResponse(),
            detail.Attachments.Select(a => new EventAttachmentResponse(a.Id, a.OriginalFilename, a.ContentType, a.SizeBytes, a.UploadedAt)).ToList());
    }

    /// <summary>The response of a scan run, in the reference's job-run shape.</summary>
    public static JobRunResponse ToResponse(this ScanRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(
            run.Id, JobRunResponse.IssueScan, run.Status, run.TriggeredByTeamId, ProjectId: null,
            run.TriggeredByTeamId is null ? "schedule" : "manual", Params: null, Progress: null,
            run.Result is { } r ? new JobResultResponse(r.EventsProcessed, r.IssuesCreated, r.IssuesRegressed, r.IssuesUnsnoozed, r.OccurrencesCreated) : null,
            run.Error, Notify: false, run.StartedAt, run.CompletedAt, run.StartedAt);
    }

    /// <summary>The response of an ingest batch; <c>errors</c> is left out when no event was refused.</summary>
    public static IngestResponse ToResponse(this IngestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new IngestResponse(
            result.Accepted, result.Rejected, result.Errors.Count == 0 ? null : result.Errors.Select(e => new IngestErrorResponse(e.Index, e.Message)).ToList());
    }

    /// <summary>The library checks every field, a missing body included (then every field is missing).</summary>
    internal static AttachmentReservationRequest ToLibrary(this ReserveAttachmentRequest? body) => body is null ? new() : new()
    {
        ClientEventId = body.ClientEventId,
        OriginalFilename = body.OriginalFilename,
        ContentType = body.ContentType,
        SizeBytes = body.SizeBytes,
        Sha256 = body.Sha256,
        UserId = body.UserId,
        IsDev = body.IsDev,
    };
}
