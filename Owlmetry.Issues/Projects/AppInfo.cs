namespace Owlmetry.Issues.Projects;

/// <summary>An app as the issue library sees it.</summary>
/// <param name="Id">The app id.</param>
/// <param name="ProjectId">The project the app belongs to.</param>
/// <param name="Name">The display name (<c>app_name</c>).</param>
/// <param name="Platform">The app's platform (<c>apple</c>, <c>android</c>, <c>web</c> or <c>backend</c>), which bounds the environments of its events.</param>
/// <param name="BundleId">The bundle id every ingest batch of the app must name, or null when any (or none) is accepted.</param>
public sealed record AppInfo(Guid Id, Guid ProjectId, string Name, string Platform = "backend", string? BundleId = null);
