namespace Owlmetry.Issues.Host.Contracts;

public sealed record TeamResponse(Guid Id, string Name, string Slug, DateTimeOffset CreatedAt);
