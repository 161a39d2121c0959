namespace Owlmetry.Issues.Host.Contracts;

public sealed record CreateAppRequest(string? ProjectId, string? Name, string? Platform, string? BundleId = null);
