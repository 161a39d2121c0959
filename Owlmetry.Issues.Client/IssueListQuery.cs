namespace Owlmetry.Issues.Client;

/// <summary>The filters and order of an issue list; every member is optional.</summary>
public record IssueListQuery
{
    /// <summary>Only issues in this status: <c>new</c>, <c>in_progress</c>, <c>resolved</c>, <c>silenced</c>, <c>regressed</c> or <c>snoozed</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Only issues of this app.</summary>
    public Guid? AppId { get; init; }

    /// <summary>Only development (true) or production (false) issues; wins over <see cref="DataMode"/>.</summary>
    public bool? IsDev { get; init; }

    /// <summary><c>production</c>, <c>development</c> or <c>all</c>.</summary>
    public string? DataMode { get; init; }

    /// <summary>
    /// Only issues by their claim: <c>mine</c> (live claims the caller holds), <c>held</c> (anyone's live claim) or
    /// <c>none</c> (unclaimed, released or lapsed).
    /// </summary>
    public string? Claim { get; init; }

    /// <summary>The order: <c>last_seen</c> (default), <c>last_activity</c>, <c>first_seen</c>, <c>occurrences</c> or <c>users</c>.</summary>
    public string? Sort { get; init; }

    /// <summary>The page size the client asks for, 1 to 200 (50 by default); the enumeration goes on across pages.</summary>
    public int? PageSize { get; init; }
}
