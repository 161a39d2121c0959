using System.Net.Http.Headers;
using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.Client;

public sealed partial class OwlmetryIssuesClient
{
    /// <summary>
    /// Sends a batch of events with a client key; each event is accepted or refused on its own. The batch is retried
    /// after a transient failure only when every event carries a <c>client_event_id</c>, which the server stores once.
    /// </summary>
    /// <param name="batch">The events, 1 to 100.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>How many events were accepted and refused, and why.</returns>
    public Task<IngestResponse> IngestAsync(IngestRequest batch, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var repeatable = batch.Events.Count > 0 && batch.Events.All(e => !string.IsNullOrWhiteSpace(e.ClientEventId));
        return SendAsync<IngestResponse>(HttpMethod.Post, "v1/ingest", batch, ct, repeatable);
    }

    /// <summary>Reserves an attachment of an event with a client key: where to upload its bytes, and until when.</summary>
    /// <param name="file">The file and the <c>client_event_id</c> of its event.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The reservation with its upload URL.</returns>
    public Task<AttachmentReservationResponse> ReserveAttachmentAsync(ReserveAttachmentRequest file, CancellationToken ct = default) =>
        PostAsync<AttachmentReservationResponse>("v1/ingest/attachment", file, ct);

    /// <summary>
    /// Uploads a reserved attachment's bytes with the client key that reserved it. An upload URL on another origin than
    /// the base address is refused (<see cref="OwlmetryProtocolException"/>) rather than sent the key.
    /// </summary>
    /// <param name="reservation">The reservation, whose upload URL is used.</param>
    /// <param name="content">The bytes; exactly the reserved size, with the reserved SHA-256.</param>
    /// <param name="contentType">The reserved content type.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The size and hash the server measured.</returns>
    public async Task<AttachmentUploadResponse> UploadAttachmentAsync(
        AttachmentReservationResponse reservation, Stream content, string contentType, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        var uploadUrl = new Uri(reservation.UploadUrl, UriKind.RelativeOrAbsolute);
        if (uploadUrl.IsAbsoluteUri && _http.BaseAddress is { } baseAddress && !Origins.Same(uploadUrl, baseAddress))
        {
            throw new OwlmetryProtocolException(
                $"The upload URL {Origins.WithoutQuery(uploadUrl)} is not on {baseAddress.GetLeftPart(UriPartial.Authority)}, where the client key goes: "
                + "the server builds it from the request it was sent, so a proxy in front of it must pass the original scheme and host.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new StreamContent(content) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await SendCheckedAsync(request, streamed: false, ct).ConfigureAwait(false);
        return await ReadJsonAsync<AttachmentUploadResponse>(request, response, ct).ConfigureAwait(false);
    }

    /// <summary>The attachments of a project, an issue or an event, newest first, across every page.</summary>
    /// <param name="query">Which attachments.</param>
    /// <param name="ct">Cancels the enumeration.</param>
    /// <returns>The attachments.</returns>
    public IAsyncEnumerable<AttachmentItemResponse> ListAttachmentsAsync(AttachmentListQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new QueryString().With("project_id", query.ProjectId).With("issue_id", query.IssueId).With("event_id", query.EventId)
            .With("event_client_id", query.EventClientId).With("limit", query.PageSize);
        return PagesAsync<AttachmentListResponse, AttachmentItemResponse>("v1/attachments", parameters, p => (p.Attachments, p.Cursor, p.HasMore), ct);
    }

    /// <summary>An attachment with its signed download link (null, left out by the server, until its bytes are uploaded).</summary>
    /// <param name="attachmentId">The attachment.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The attachment.</returns>
    public Task<AttachmentDetailResponse> GetAttachmentAsync(Guid attachmentId, CancellationToken ct = default) =>
        GetAsync<AttachmentDetailResponse>($"v1/attachments/{Id(attachmentId)}", ct);

    /// <summary>Copies an uploaded attachment's bytes to <paramref name="destination"/> through its signed download link, which is sent no other credential.</summary>
    /// <param name="attachmentId">The attachment.</param>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="ct">Cancels the download.</param>
    /// <returns>The attachment that was downloaded.</returns>
    public async Task<AttachmentDetailResponse> DownloadAttachmentAsync(Guid attachmentId, Stream destination, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var attachment = await GetAttachmentAsync(attachmentId, ct).ConfigureAwait(false);
        var url = attachment.DownloadUrl?.Url ?? throw new InvalidOperationException($"Attachment {attachmentId} has no bytes yet.");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        BearerCredentialHandler.MarkSignedLink(request);
        using var response = await SendCheckedAsync(request, streamed: true, ct).ConfigureAwait(false);
        await response.Content.CopyToAsync(destination, ct).ConfigureAwait(false);
        return attachment;
    }

    /// <summary>Deletes an attachment and its bytes.</summary>
    /// <param name="attachmentId">The attachment.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>When it is deleted.</returns>
    public Task DeleteAttachmentAsync(Guid attachmentId, CancellationToken ct = default) =>
        SendAsync<OkResponse>(HttpMethod.Delete, $"v1/attachments/{Id(attachmentId)}", null, ct);

    /// <summary>Stored error events, across every page.</summary>
    /// <param name="query">Filters, order and page size; the caller's events newest first when null.</param>
    /// <param name="ct">Cancels the enumeration.</param>
    /// <returns>The events.</returns>
    public IAsyncEnumerable<EventResponse> ListEventsAsync(EventListQuery? query = null, CancellationToken ct = default)
    {
        var parameters = new QueryString().With("team_id", query?.TeamId).With("project_id", query?.ProjectId).With("app_id", query?.AppId)
            .With("session_id", query?.SessionId).With("user_id", query?.UserId).With("since", query?.Since).With("until", query?.Until)
            .With("data_mode", query?.DataMode).With("order", query?.Order).With("limit", query?.PageSize);
        return PagesAsync<EventListResponse, EventResponse>("v1/events", parameters, p => (p.Events, p.Cursor, p.HasMore), ct);
    }

    /// <summary>A stored event with its attachments.</summary>
    /// <param name="eventId">The event.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The event.</returns>
    public Task<EventDetailResponse> GetEventAsync(Guid eventId, CancellationToken ct = default) =>
        GetAsync<EventDetailResponse>($"v1/events/{Id(eventId)}", ct);

    /// <summary>Runs an issue scan now and answers when it has finished: the events received so far are grouped into issues.</summary>
    /// <param name="teamId">The team the run is recorded for.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The finished run with its counts.</returns>
    public async Task<JobRunResponse> TriggerScanAsync(Guid teamId, CancellationToken ct = default) =>
        (await PostAsync<JobRunEnvelope>($"v1/teams/{Id(teamId)}/jobs/trigger", new TriggerJobRequest(JobRunResponse.IssueScan), ct).ConfigureAwait(false)).JobRun;

    /// <summary>The scan runs a team triggered, newest first, across every page.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="pageSize">The page size the client asks for, 1 to 200 (50 by default).</param>
    /// <param name="ct">Cancels the enumeration.</param>
    /// <returns>The runs.</returns>
    public IAsyncEnumerable<JobRunResponse> ListJobRunsAsync(Guid teamId, int? pageSize = null, CancellationToken ct = default) =>
        PagesAsync<JobRunListResponse, JobRunResponse>(
            $"v1/teams/{Id(teamId)}/jobs", new QueryString().With("limit", pageSize), p => (p.JobRuns, p.Cursor, p.HasMore), ct);

    /// <summary>One scan run.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The run.</returns>
    public async Task<JobRunResponse> GetJobRunAsync(Guid runId, CancellationToken ct = default) =>
        (await GetAsync<JobRunEnvelope>($"v1/jobs/{Id(runId)}", ct).ConfigureAwait(false)).JobRun;
}
