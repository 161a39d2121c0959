namespace Owlmetry.Issues.Host.Contracts;

public sealed record TeamSummaryResponse(Guid Id, string Name, string Slug);
