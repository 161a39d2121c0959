namespace Owlmetry.Issues.Host.Directory;

/// <param name="Color">The project's <c>#RRGGBB</c> color; null for a project stored before projects had one.</param>
public sealed record Project(
    Guid Id,
    Guid TeamId,
    string Name,
    string Slug,
    string? IssueAlertFrequency,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeletedAt = null,
    string? Color = null);
