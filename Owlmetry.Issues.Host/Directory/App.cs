namespace Owlmetry.Issues.Host.Directory;

public sealed record App(Guid Id, Guid ProjectId, string Name, string Platform, string? BundleId, DateTimeOffset CreatedAt);
