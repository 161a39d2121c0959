namespace Owlmetry.Issues.Host.Directory.LiteDb;

internal sealed class TeamDocument
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Slug { get; set; } = "";

    public long CreatedAt { get; set; }

    public static TeamDocument From(Team t) => new() { Id = t.Id, Name = t.Name, Slug = t.Slug, CreatedAt = t.CreatedAt.ToUnixTimeMilliseconds() };

    public Team ToTeam() => new(Id, Name, Slug, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt));
}
