namespace Owlmetry.Issues.Host.Contracts;

public sealed record AppResponse(Guid Id, Guid TeamId, Guid ProjectId, string Name, string Platform, string? BundleId, DateTimeOffset CreatedAt);
