namespace Owlmetry.Issues.Attachments;

/// <summary>
/// The filters and page of an attachment list. With neither <see cref="ProjectId"/> nor <see cref="IssueId"/>, the
/// list covers every project of the actor's teams.
/// </summary>
public sealed record AttachmentQuery
{
    /// <summary>Only attachments of this project.</summary>
    public Guid? ProjectId { get; init; }

    /// <summary>Only attachments linked to this issue.</summary>
    public Guid? IssueId { get; init; }

    /// <summary>Only attachments of the event with this server id.</summary>
    public Guid? EventId { get; init; }

    /// <summary>Only attachments of the event with this SDK id (<c>client_event_id</c>).</summary>
    public Guid? ClientEventId { get; init; }

    /// <summary>The cursor returned with the previous page.</summary>
    public string? Cursor { get; init; }

    /// <summary>The page size, clamped to 1..200; 50 when null.</summary>
    public int? Limit { get; init; }
}
