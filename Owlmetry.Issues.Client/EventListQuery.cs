namespace Owlmetry.Issues.Client;

/// <summary>The filters and order of a list of stored events; every member is optional.</summary>
public sealed record EventListQuery
{
    /// <summary>Only this team's events.</summary>
    public Guid? TeamId { get; init; }

    /// <summary>Only this project's events.</summary>
    public Guid? ProjectId { get; init; }

    /// <summary>Only this app's events.</summary>
    public Guid? AppId { get; init; }

    /// <summary>Only this session's events.</summary>
    public Guid? SessionId { get; init; }

    /// <summary>Only this app user's events.</summary>
    public string? UserId { get; init; }

    /// <summary>Only events at or after this time, or a relative time such as <c>24h</c> or <c>7d</c>.</summary>
    public string? Since { get; init; }

    /// <summary>Only events before this time, or a relative time.</summary>
    public string? Until { get; init; }

    /// <summary><c>production</c>, <c>development</c> or <c>all</c>.</summary>
    public string? DataMode { get; init; }

    /// <summary><c>desc</c> (newest first, the default) or <c>asc</c>.</summary>
    public string? Order { get; init; }

    /// <summary>The page size the client asks for, 1 to 200 (50 by default).</summary>
    public int? PageSize { get; init; }
}
