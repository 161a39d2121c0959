namespace Owlmetry.Issues.Contracts;

/// <summary>The body of <c>POST /v1/apps</c>.</summary>
/// <param name="ProjectId">The project (a UUID).</param>
/// <param name="Name">The app's name.</param>
/// <param name="Platform">Its platform, e.g. <c>ios</c> or <c>backend</c>.</param>
/// <param name="BundleId">Its bundle id, where the platform has one.</param>
public sealed record CreateAppRequest(string? ProjectId, string? Name, string? Platform, string? BundleId = null);
