using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Querying;

/// <summary>How many issues a list's filters (app, data mode, project or team) match, in all and per status.</summary>
/// <param name="Total">Every matching issue, whatever its status.</param>
/// <param name="ByStatus">The matching issues per status; every status is present, 0 when none.</param>
public sealed record IssueStatusCounts(int Total, IReadOnlyDictionary<IssueStatus, int> ByStatus);
