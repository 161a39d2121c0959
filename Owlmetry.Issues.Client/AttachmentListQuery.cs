namespace Owlmetry.Issues.Client;

/// <summary>Which attachments to list: those of a project, an issue or an event.</summary>
public sealed record AttachmentListQuery
{
    /// <summary>Only this project's attachments.</summary>
    public Guid? ProjectId { get; init; }

    /// <summary>Only this issue's attachments.</summary>
    public Guid? IssueId { get; init; }

    /// <summary>Only this stored event's attachments.</summary>
    public Guid? EventId { get; init; }

    /// <summary>Only the attachments sent with this <c>client_event_id</c>.</summary>
    public Guid? EventClientId { get; init; }

    /// <summary>The page size the client asks for, 1 to 200 (50 by default).</summary>
    public int? PageSize { get; init; }
}
