namespace Owlmetry.Issues.Host.Directory;

public sealed record Project(
    Guid Id, Guid TeamId, string Name, string Slug, string? IssueAlertFrequency, DateTimeOffset CreatedAt, DateTimeOffset? DeletedAt = null);
