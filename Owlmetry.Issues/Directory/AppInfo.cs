namespace Owlmetry.Issues;

/// <summary>An app as the issue library sees it.</summary>
/// <param name="Id">The app id.</param>
/// <param name="ProjectId">The project the app belongs to.</param>
/// <param name="Name">The display name (<c>app_name</c>).</param>
public sealed record AppInfo(Guid Id, Guid ProjectId, string Name);
