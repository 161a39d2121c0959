namespace Owlmetry.Issues.Client;

/// <summary>The filters of the cross-project list of the caller's teams' issues (production only unless asked).</summary>
public sealed record TeamIssueListQuery : IssueListQuery
{
    /// <summary>Only this team's issues.</summary>
    public Guid? TeamId { get; init; }

    /// <summary>Only this project's issues.</summary>
    public Guid? ProjectId { get; init; }
}
