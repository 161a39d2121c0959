using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Querying;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>Parses query strings into the library's queries; every refusal names the parameter and the valid values.</summary>
internal static class QueryParser
{
    /// <summary>A project's issue filter, where an empty value is a left-out one (the claim's body, the MCP tools).</summary>
    public static IssueResult<IssueQuery> ParseIssueQuery(IssueListParameters p) => Parse<IssueQuery>(p);

    /// <summary>
    /// A project list's query string as the reference reads it: <c>is_dev</c> or <c>data_mode</c> sent empty filters to
    /// production issues (<c>is_dev === "true"</c>, the data mode's production default).
    /// </summary>
    public static IssueResult<IssueQuery> ParseProjectListQuery(IssueListParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return Parse<IssueQuery>(p with
        {
            IsDev = p.IsDev is "" ? "false" : p.IsDev,
            DataMode = p.DataMode is "" ? DataMode.Production.ToWireName() : p.DataMode,
        });
    }

    /// <summary>The cross-project list's query string: the project list's, narrowed to a team or a project.</summary>
    public static IssueResult<TeamIssueQuery> ParseTeamIssueQuery(IssueListParameters p, string? teamId, string? projectId)
    {
        ArgumentNullException.ThrowIfNull(p);
        var query = Parse<TeamIssueQuery>(p);
        var team = QueryValues.ParseGuid(teamId, "team_id");
        var project = QueryValues.ParseGuid(projectId, "project_id");
        if (!query.IsSuccess || !team.IsSuccess || !project.IsSuccess)
        {
            return query.Error ?? team.Error ?? project.Error!;
        }

        return query.Value with { TeamId = team.Value, ProjectId = project.Value };
    }

    private static IssueResult<TQuery> Parse<TQuery>(IssueListParameters p)
        where TQuery : IssueQuery, new()
    {
        ArgumentNullException.ThrowIfNull(p);
        IssueStatus? status = null;
        if (!string.IsNullOrEmpty(p.Status))
        {
            if (!WireNames.TryParse<IssueStatus>(p.Status, out var parsed))
            {
                return Invalid("status", WireNames.All<IssueStatus>());
            }

            status = parsed;
        }

        DataMode? dataMode = null;
        if (!string.IsNullOrEmpty(p.DataMode))
        {
            if (!WireNames.TryParse<DataMode>(p.DataMode, out var parsed))
            {
                return Invalid("data_mode", WireNames.All<DataMode>());
            }

            dataMode = parsed;
        }

        ClaimFilter? claim = null;
        if (!string.IsNullOrEmpty(p.Claim))
        {
            if (!WireNames.TryParse<ClaimFilter>(p.Claim, out var parsed))
            {
                return Invalid("claim", WireNames.All<ClaimFilter>());
            }

            claim = parsed;
        }

        var sort = IssueSort.LastSeen;
        if (!string.IsNullOrEmpty(p.Sort) && !WireNames.TryParse<IssueSort>(p.Sort, out sort))
        {
            return Invalid("sort", WireNames.All<IssueSort>());
        }

        bool? isDev = p.IsDev switch
        {
            null or "" => null,
            "true" => true,
            "false" => false,
            _ => null,
        };
        if (isDev is null && !string.IsNullOrEmpty(p.IsDev))
        {
            return Invalid("is_dev", ["true", "false"]);
        }

        var appId = QueryValues.ParseGuid(p.AppId, "app_id");
        if (!appId.IsSuccess)
        {
            return appId.Error;
        }

        return new TQuery
        {
            Status = status,
            AppId = appId.Value,
            IsDev = isDev,
            DataMode = dataMode,
            Claim = claim,
            Sort = sort,
            Cursor = string.IsNullOrEmpty(p.Cursor) ? null : p.Cursor,
            Limit = QueryValues.ParseLimit(p.Limit),
        };
    }

    private static IssueError Invalid(string name, IEnumerable<string> valid) =>
        IssueError.Invalid($"Invalid {name}; valid values: {string.Join(", ", valid)}");
}
