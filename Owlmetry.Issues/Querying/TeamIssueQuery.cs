namespace Owlmetry.Issues.Querying;

/// <summary>A cross-project issue list over the caller's teams, optionally narrowed to one team or project.</summary>
public sealed record TeamIssueQuery : IssueQuery
{
    /// <summary>Only this team; a team the caller is not in gives an empty page.</summary>
    public Guid? TeamId { get; init; }

    /// <summary>Only this project.</summary>
    public Guid? ProjectId { get; init; }
}
