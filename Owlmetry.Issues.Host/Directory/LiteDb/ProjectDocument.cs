namespace Owlmetry.Issues.Host.Directory.LiteDb;

internal sealed class ProjectDocument
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    public string Name { get; set; } = "";

    public string Slug { get; set; } = "";

    public string? IssueAlertFrequency { get; set; }

    public string? Color { get; set; }

    public long CreatedAt { get; set; }

    public long? DeletedAt { get; set; }

    public static ProjectDocument From(Project p) => new()
    {
        Id = p.Id, TeamId = p.TeamId, Name = p.Name, Slug = p.Slug, IssueAlertFrequency = p.IssueAlertFrequency, Color = p.Color,
        CreatedAt = p.CreatedAt.ToUnixTimeMilliseconds(), DeletedAt = p.DeletedAt?.ToUnixTimeMilliseconds(),
    };

    public Project ToProject() => new(
        Id, TeamId, Name, Slug, IssueAlertFrequency, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        DeletedAt is { } deleted ? DateTimeOffset.FromUnixTimeMilliseconds(deleted) : null, Color);
}
