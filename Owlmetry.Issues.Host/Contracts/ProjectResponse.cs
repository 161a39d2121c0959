namespace Owlmetry.Issues.Host.Contracts;

/// <param name="RetentionDaysEvents">A per-project override of the event retention: always null, retention is server-wide here.</param>
/// <param name="EffectiveRetentionDaysEvents">The server's event retention in days.</param>
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
