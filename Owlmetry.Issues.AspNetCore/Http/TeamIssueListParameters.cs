using Microsoft.AspNetCore.Mvc;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>The cross-project list's query string: the project list's, narrowed to a team or a project.</summary>
internal sealed class TeamIssueListParameters : IssueListParameters
{
    [FromQuery(Name = "team_id")]
    public string? TeamId { get; init; }

    [FromQuery(Name = "project_id")]
    public string? ProjectId { get; init; }
}
