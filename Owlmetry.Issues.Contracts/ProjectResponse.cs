namespace Owlmetry.Issues.Contracts;

/// <summary>A project: a product whose apps send events, and whose issues are triaged together.</summary>
/// <param name="Id">The project's id.</param>
/// <param name="TeamId">Its team.</param>
/// <param name="Name">Its name.</param>
/// <param name="Slug">Its slug.</param>
/// <param name="Color">Its <c>#RRGGBB</c> color.</param>
/// <param name="RetentionDaysEvents">A per-project override of the event retention: always null, retention is server-wide here.</param>
/// <param name="EffectiveRetentionDaysEvents">The server's event retention in days.</param>
/// <param name="IssueAlertFrequency">The project's own alert frequency; null for the default.</param>
/// <param name="EffectiveIssueAlertFrequency">The alert frequency in force.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record ProjectResponse(
    Guid Id,
    Guid TeamId,
    string Name,
    string Slug,
    string Color,
    int? RetentionDaysEvents,
    int EffectiveRetentionDaysEvents,
    string? IssueAlertFrequency,
    string EffectiveIssueAlertFrequency,
    DateTimeOffset CreatedAt);
