using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Querying;

/// <summary>An issue with the names a list shows beside it.</summary>
/// <param name="Issue">The issue.</param>
/// <param name="AppName">The name of the issue's app; null when the directory no longer knows it.</param>
/// <param name="ProjectName">The project's name; set in cross-project (team) lists only.</param>
public sealed record IssueListItem(Issue Issue, string? AppName, string? ProjectName = null);
