using System.Text.Json;
using Owlmetry.Issues.Host.Contracts;

namespace Owlmetry.Issues.Host.Directory;

public sealed partial class DirectoryService
{
    private static readonly IssueError s_cannotManageProjects = IssueError.Forbidden("Only team owners and admins can manage projects");

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

        var project = new Project(Guid.NewGuid(), teamId.Value, name.Value, slug.Value, null, Now);
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
        if (body?.Name is null && frequency.ValueKind == JsonValueKind.Undefined)
        {
            return IssueError.Invalid("At least one field to update is required");
        }

        if (body!.Name is not null)
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
