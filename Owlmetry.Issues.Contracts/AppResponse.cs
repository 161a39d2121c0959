namespace Owlmetry.Issues.Contracts;

/// <summary>An app: one build target of a project that sends events with its client key.</summary>
/// <param name="Id">The app's id.</param>
/// <param name="TeamId">Its team.</param>
/// <param name="ProjectId">Its project.</param>
/// <param name="Name">Its name.</param>
/// <param name="Platform">Its platform, e.g. <c>ios</c> or <c>backend</c>.</param>
/// <param name="BundleId">Its bundle id, where the platform has one.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record AppResponse(Guid Id, Guid TeamId, Guid ProjectId, string Name, string Platform, string? BundleId, DateTimeOffset CreatedAt);
