using Microsoft.AspNetCore.Mvc;
using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>The query string of the attachment list, taken as text so that bad values get our own 400 message.</summary>
internal sealed class AttachmentListParameters
{
    [FromQuery(Name = "project_id")]
    public string? ProjectId { get; init; }

    [FromQuery(Name = "issue_id")]
    public string? IssueId { get; init; }

    [FromQuery(Name = "event_id")]
    public string? EventId { get; init; }

    [FromQuery(Name = "event_client_id")]
    public string? EventClientId { get; init; }

    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    public IssueResult<AttachmentQuery> Parse()
    {
        var projectId = QueryValues.ParseGuid(ProjectId, "project_id");
        var issueId = QueryValues.ParseGuid(IssueId, "issue_id");
        var eventId = QueryValues.ParseGuid(EventId, "event_id");
        var clientEventId = QueryValues.ParseGuid(EventClientId, "event_client_id");
        if ((projectId.Error ?? issueId.Error ?? eventId.Error ?? clientEventId.Error) is { } error)
        {
            return error;
        }

        return new AttachmentQuery
        {
            ProjectId = projectId.Value,
            IssueId = issueId.Value,
            EventId = eventId.Value,
            ClientEventId = clientEventId.Value,
            Cursor = string.IsNullOrEmpty(Cursor) ? null : Cursor,
            Limit = QueryValues.ParseLimit(Limit),
        };
    }
}
