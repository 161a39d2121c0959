namespace Owlmetry.Issues.Host.Directory;

public sealed record Team(Guid Id, string Name, string Slug, DateTimeOffset CreatedAt);
