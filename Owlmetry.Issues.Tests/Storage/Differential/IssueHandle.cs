namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>
/// An issue as a command names it before any issue exists: the n-th (modulo their number) live issue of a project
/// in <see cref="IssueKey"/> order, the n-th issue merged away, or an unknown id. Each side resolves it to its own
/// id, and any subsequence of commands still resolves, which lets a failing sequence be shrunk.
/// </summary>
internal sealed record IssueHandle(IssueHandleKind Kind, Guid ProjectId, int Index)
{
    private static readonly Guid s_unknownIssue = Guid.Parse("1d000000-0000-4000-8000-0000000000ff");

    public Guid Resolve(ProviderSide side, StateView state)
    {
        IReadOnlyList<Guid> candidates = Kind switch
        {
            IssueHandleKind.Live => state.LiveIssues.GetValueOrDefault(ProjectId, []),
            IssueHandleKind.MergedAway => side.MergedAway,
            _ => [],
        };
        return candidates.Count == 0 ? s_unknownIssue : candidates[Index % candidates.Count];
    }

    public override string ToString() => Kind switch
    {
        IssueHandleKind.Live => $"live issue #{Index} of {ProjectName}",
        IssueHandleKind.MergedAway => $"merged-away issue #{Index}",
        _ => "unknown issue",
    };

    private string ProjectName => DifferentialTenancy.Projects.First(p => p.Id == ProjectId).Name;
}
