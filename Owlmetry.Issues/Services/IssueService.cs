using Microsoft.Extensions.Options;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Claims;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Services;

/// <summary>The issue operations, split by concern over partial files: listing, triage, claims and comments.</summary>
internal sealed partial class IssueService(IIssueStore store, IIssueDirectory directory, TimeProvider timeProvider, IOptions<IssuesOptions> options)
    : IIssueService
{
    private static readonly IssueError s_projectNotFound = IssueError.NotFound("Project not found");
    private static readonly IssueError s_issueNotFound = IssueError.NotFound("Issue not found");

    private readonly IssuesOptions _options = options.Value;

    /// <summary>Permission first, then visibility: another team's project is reported as not found, never forbidden.</summary>
    private async Task<IssueResult<ProjectInfo>> AuthorizeAsync(Actor actor, string permission, Guid projectId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(permission))
        {
            return IssueError.MissingPermission(permission);
        }

        var project = await directory.FindProjectAsync(projectId, ct).ConfigureAwait(false);
        return project is not null && actor.IsIn(project.TeamId) ? project : s_projectNotFound;
    }

    /// <summary>
    /// Changes one issue of the project in one write unit, once the caller may write there: <paramref name="change"/>
    /// gets the stored issue, the time and the project, writes what it decides and returns the issue as it now is.
    /// </summary>
    private async Task<IssueResult<IssueListItem>> ChangeIssueAsync(
        Actor actor, Guid projectId, Guid issueId, Func<IIssueStoreWriter, Issue, DateTimeOffset, ProjectInfo, ValueTask<IssueResult<Issue>>> change, CancellationToken ct)
    {
        var access = await AuthorizeAsync(actor, IssuePermissions.Write, projectId, ct).ConfigureAwait(false);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        var now = timeProvider.GetUtcNowMilliseconds();
        var changed = await store.WriteAsync(
            async writer => InProject(await writer.FindIssueAsync(issueId).ConfigureAwait(false), projectId) is { } issue
                ? await change(writer, issue, now, access.Value).ConfigureAwait(false)
                : s_issueNotFound,
            ct).ConfigureAwait(false);
        return changed.IsSuccess ? await DescribeAsync(changed.Value, ct).ConfigureAwait(false) : changed.Error;
    }

    private static Issue? InProject(Issue? issue, Guid projectId) => issue?.ProjectId == projectId ? issue : null;

    private async Task<IssueListItem> DescribeAsync(Issue issue, CancellationToken ct)
    {
        var app = await directory.FindAppAsync(issue.AppId, ct).ConfigureAwait(false);
        return new IssueListItem(ClaimRules.Visible(issue, timeProvider.GetUtcNowMilliseconds()), app?.Name);
    }
}
