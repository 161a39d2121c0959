using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Querying;

/// <summary>The filters, order and page of an issue list.</summary>
public record IssueQuery
{
    /// <summary>Only issues in this status.</summary>
    public IssueStatus? Status { get; init; }

    /// <summary>Only issues of this app; an app of another project gives an empty page.</summary>
    public Guid? AppId { get; init; }

    /// <summary>Dev (<see langword="true"/>) or production issues; takes precedence over <see cref="DataMode"/>.</summary>
    public bool? IsDev { get; init; }

    /// <summary>Production, development or all; when null, all for a project list and production for a team list.</summary>
    public DataMode? DataMode { get; init; }

    /// <summary>
    /// Only the issues the caller holds, those anyone holds, or those nobody holds, as of now; all when null. Lists only:
    /// counting and claiming the next issue ignore it.
    /// </summary>
    public ClaimFilter? Claim { get; init; }

    /// <summary>The order of the list.</summary>
    public IssueSort Sort { get; init; } = IssueSort.LastSeen;

    /// <summary>The cursor returned with the previous page, for the same sort.</summary>
    public string? Cursor { get; init; }

    /// <summary>The page size, clamped to 1..200; 50 when null.</summary>
    public int? Limit { get; init; }
}
