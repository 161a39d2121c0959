using System.Text.Json;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Host.Directory;

public sealed partial class DirectoryService
{
    private static readonly IssueError s_cannotManageProjects = IssueError.Forbidden("Only team owners and admins can manage projects");
    private static readonly IssueError s_invalidColor = IssueError.Invalid("color must be a valid hex code in #RRGGBB format");

    public async Task<IssueResult<IReadOnlyList<Project>>> ListProjectsAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(ApiKeyPermissions.ProjectsRead))
        {
            return IssueError.MissingPermission(ApiKeyPermissions.ProjectsRead);
        }

        var projects = await store.ListProjectsAsync(actor.Teams.Keys.ToList(), ct);
        return IssueResult<IReadOnlyList<Project>>.Success(projects.Where(p => p.DeletedAt is null).ToList());
    }

    public async Task<IssueResult<ProjectDetail>> GetProjectAsync(Actor actor, Guid projectId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(ApiKeyPermissions.ProjectsRead))
        {
            return IssueError.MissingPermission(ApiKeyPermissions.ProjectsRead);
        }

        return await FindVisibleProjectAsync(actor, projectId, ct) is { } project
            ? new ProjectDetail(project, await store.ListAppsAsync(project.Id, ct))
            : s_projectNotFound;
    }

    public async Task<IssueResult<Project>> CreateProjectAsync(Actor actor, CreateProjectRequest? body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(ApiKeyPermissions.ProjectsWrite))
        {
            return IssueError.MissingPermission(ApiKeyPermissions.ProjectsWrite);
        }

        var teamId = DirectoryInput.Id(body?.TeamId, "team_id");
        var name = DirectoryInput.Name(body?.Name);
        var slug = DirectoryInput.Slug(body?.Slug);
        if (!teamId.IsSuccess || !name.IsSuccess || !slug.IsSuccess)
        {
            return teamId.Error ?? name.Error ?? slug.Error!;
        }

        if (await FindVisibleTeamAsync(actor, teamId.Value, ct) is null)
        {
            return s_teamNotFound;
        }

        if (!CanManage(actor, teamId.Value))
        {
            return s_cannotManageProjects;
        }

        if (body!.Color is not null && !ProjectColors.IsValid(body.Color))
        {
            return s_invalidColor;
        }

        if (RefuseRetention(body.RetentionDaysEvents) is { } retentionRefused)
        {
            return retentionRefused;
        }

        var liveProjects = (await store.ListProjectsAsync([teamId.Value], ct)).Where(p => p.DeletedAt is null).ToList();
        var maxProjects = limits.Value.MaxProjectsPerTeam;
        if (liveProjects.Count >= maxProjects)
        {
            return IssueError.Conflict($"A team has at most {maxProjects} projects");
        }

        var color = body.Color ?? ProjectColors.FirstUnused([.. liveProjects.Select(p => p.Color)]);
        var project = new Project(Guid.NewGuid(), teamId.Value, name.Value, slug.Value, null, Now, Color: color);
        return await SaveProjectAsync(project, ct);
    }

    public async Task<IssueResult<Project>> UpdateProjectAsync(Actor actor, Guid projectId, UpdateProjectRequest? body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(ApiKeyPermissions.ProjectsWrite))
        {
            return IssueError.MissingPermission(ApiKeyPermissions.ProjectsWrite);
        }

        if (await FindVisibleProjectAsync(actor, projectId, ct) is not { } project)
        {
            return s_projectNotFound;
        }

        if (!CanManage(actor, project.TeamId))
        {
            return s_cannotManageProjects;
        }

        var frequency = body?.IssueAlertFrequency ?? default;
        var retention = body?.RetentionDaysEvents ?? default;
        if (body?.Name is null && body?.Color is null && frequency.ValueKind == JsonValueKind.Undefined && retention.ValueKind == JsonValueKind.Undefined)
        {
            return IssueError.Invalid("At least one field to update is required");
        }

        if (RefuseRetention(retention) is { } retentionRefused)
        {
            return retentionRefused;
        }

        if (body!.Color is not null)
        {
            if (!ProjectColors.IsValid(body.Color))
            {
                return s_invalidColor;
            }

            project = project with { Color = body.Color };
        }

        if (body.Name is not null)
        {
            var name = DirectoryInput.Name(body.Name);
            if (!name.IsSuccess)
            {
                return name.Error;
            }

            project = project with { Name = name.Value };
        }

        switch (frequency.ValueKind)
        {
            case JsonValueKind.Undefined:
                break;
            case JsonValueKind.Null:
                project = project with { IssueAlertFrequency = null };
                break;
            case JsonValueKind.String when IssueAlertFrequencies.All.Contains(frequency.GetString()):
                project = project with { IssueAlertFrequency = frequency.GetString() };
                break;
            default:
                return DirectoryInput.OneOf("issue_alert_frequency", IssueAlertFrequencies.All);
        }

        return await SaveProjectAsync(project, ct);
    }

    /// <summary>
    /// The reference keeps events per project; here one retention applies to every project, so a project may only ask
    /// for the default (null), never for its own number of days.
    /// </summary>
    private IssueError? RefuseRetention(JsonElement retentionDaysEvents) =>
        retentionDaysEvents.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
            ? null
            : IssueError.Invalid(
                $"retention_days_events cannot be set per project: this server keeps events {EventRetentionDays.Of(issuesOptions.Value)} days for every project");

    private async Task<IssueResult<Project>> SaveProjectAsync(Project project, CancellationToken ct)
    {
        try
        {
            await store.SaveProjectAsync(project, ct);
            return project;
        }
        catch (DirectoryConflictException)
        {
            return IssueError.Conflict("A project with this slug already exists in this team");
        }
    }
}
