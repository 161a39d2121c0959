namespace Owlmetry.Issues.Contracts;

/// <summary>A finished scan's counts.</summary>
/// <param name="EventsProcessed">Events the scan read.</param>
/// <param name="IssuesCreated">Issues it created.</param>
/// <param name="IssuesRegressed">Resolved issues it regressed.</param>
/// <param name="IssuesUnsnoozed">Snoozed issues it woke.</param>
/// <param name="OccurrencesCreated">Occurrences it recorded.</param>
public sealed record JobResultResponse(int EventsProcessed, int IssuesCreated, int IssuesRegressed, int IssuesUnsnoozed, int OccurrencesCreated);
