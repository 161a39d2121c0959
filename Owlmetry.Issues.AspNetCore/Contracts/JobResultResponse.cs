namespace Owlmetry.Issues.AspNetCore.Contracts;

public sealed record JobResultResponse(int EventsProcessed, int IssuesCreated, int IssuesRegressed, int IssuesUnsnoozed, int OccurrencesCreated);
