namespace Owlmetry.Issues.Host.Contracts;

public sealed record CreatedAppResponse(
    Guid Id, Guid TeamId, Guid ProjectId, string Name, string Platform, string? BundleId, string ClientSecret, DateTimeOffset CreatedAt);
