using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Storage;

/// <summary>Which issues a store lists: those of the given projects, narrowed by the optional filters.</summary>
/// <param name="ProjectIds">The projects to list; an empty set lists nothing.</param>
/// <param name="Status">Only issues in this status.</param>
/// <param name="AppId">Only issues of this app.</param>
/// <param name="IsDev">Only dev (<see langword="true"/>) or only production (<see langword="false"/>) issues.</param>
/// <param name="Claim">
/// Only issues whose claim meets this condition. The lists take it; the service never gives one to
/// <see cref="IIssueStoreReader.CountIssuesByStatusAsync"/>, which a provider may count from index keys that hold no
/// claim.
/// </param>
public sealed record IssueListFilter(
    IReadOnlyCollection<Guid> ProjectIds, IssueStatus? Status = null, Guid? AppId = null, bool? IsDev = null, IssueClaimCondition? Claim = null)
{
    /// <summary>Whether <paramref name="issue"/> passes the filter.</summary>
    public bool Matches(Issue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return ProjectIds.Contains(issue.ProjectId)
            && (Status is not { } status || issue.Status == status)
            && (AppId is not { } appId || issue.AppId == appId)
            && (IsDev is not { } isDev || issue.IsDev == isDev)
            && (Claim is null || Claim.Matches(issue));
    }
}
