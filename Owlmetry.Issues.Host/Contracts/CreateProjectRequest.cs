namespace Owlmetry.Issues.Host.Contracts;

public sealed record CreateProjectRequest(string? TeamId, string? Name, string? Slug);
