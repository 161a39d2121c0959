using Owlmetry.Issues.Services;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>
/// What one side showed through <see cref="IIssueService"/> after a step: the fields compared with the other side,
/// the invariants it broke on its own, and the ids commands resolve their handles against.
/// </summary>
/// <param name="Fields">Every observed value, in a fixed order.</param>
/// <param name="Violations">The invariants this side broke.</param>
/// <param name="LiveIssues">Per project, its issues' ids ordered by <see cref="IssueKey"/>, the same order on both sides.</param>
/// <param name="CommentIssues">The issue each live comment is on.</param>
internal sealed record StateView(
    IReadOnlyList<StateField> Fields,
    IReadOnlyList<string> Violations,
    IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> LiveIssues,
    IReadOnlyDictionary<Guid, Guid> CommentIssues);
