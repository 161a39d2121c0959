using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.Jobs;

/// <summary>One page of a team's scan runs, newest first.</summary>
/// <param name="Runs">The runs of the page.</param>
/// <param name="Cursor">The cursor of the next page, or null on the last page.</param>
/// <param name="HasMore">Whether another page follows.</param>
internal sealed record ScanRunPage(IReadOnlyList<ScanRun> Runs, string? Cursor, bool HasMore);
