namespace Owlmetry.Issues.Host.Directory.LiteDb;

internal sealed class AppDocument
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public string Name { get; set; } = "";

    public string Platform { get; set; } = "";

    public string? BundleId { get; set; }

    public long CreatedAt { get; set; }

    public static AppDocument From(App a) => new()
    {
        Id = a.Id, ProjectId = a.ProjectId, Name = a.Name, Platform = a.Platform, BundleId = a.BundleId, CreatedAt = a.CreatedAt.ToUnixTimeMilliseconds(),
    };

    public App ToApp() => new(Id, ProjectId, Name, Platform, BundleId, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt));
}
