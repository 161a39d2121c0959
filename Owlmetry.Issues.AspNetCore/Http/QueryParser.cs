using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Querying;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>Parses query strings into the library's queries; every refusal names the parameter and the valid values.</summary>
internal static class QueryParser
{
    public static IssueResult<IssueQuery> ParseIssueQuery(IssueListParameters p) => Parse<IssueQuery>(p);

    /// <summary>The cross-project list's query string: the project list's, narrowed to a team or a project.</summary>
    public static IssueResult<TeamIssueQuery> ParseTeamIssueQuery(IssueListParameters p, string? teamId, string? projectId)
    {
        ArgumentNullException.ThrowIfNull(p);

        // The reference's team list reads no is_dev, so one sent empty is absent there; a value is honoured [fix].
        var query = Parse<TeamIssueQuery>(p.IsDev is "" ? p with { IsDev = null } : p);
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

        // Sent but empty, is_dev and data_mode filter as the reference's project list reads them (`is_dev === "true"`,
        // the data mode's production default): production issues only.
        DataMode? dataMode = p.DataMode is "" ? DataMode.Production : null;
        if (!string.IsNullOrEmpty(p.DataMode))
        {
            if (!WireNames.TryParse<DataMode>(p.DataMode, out var parsed))
            {
                return Invalid("data_mode", WireNames.All<DataMode>());
            }

            dataMode = parsed;
        }

        var sort = IssueSort.LastSeen;
        if (!string.IsNullOrEmpty(p.Sort) && !WireNames.TryParse<IssueSort>(p.Sort, out sort))
        {
            return Invalid("sort", WireNames.All<IssueSort>());
        }

        bool? isDev = p.IsDev switch
        {
            null => null,
            "true" => true,
            "false" or "" => false,
            _ => null,
        };
        if (isDev is null && p.IsDev is not null)
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
            Sort = sort,
            Cursor = string.IsNullOrEmpty(p.Cursor) ? null : p.Cursor,
            Limit = QueryValues.ParseLimit(p.Limit),
        };
    }

    private static IssueError Invalid(string name, IEnumerable<string> valid) =>
        IssueError.Invalid($"Invalid {name}; valid values: {string.Join(", ", valid)}");
}
