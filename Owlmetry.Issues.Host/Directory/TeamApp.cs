namespace Owlmetry.Issues.Host.Directory;

/// <summary>An app with the team that owns its project, as the app routes show it.</summary>
public sealed record TeamApp(App App, Guid TeamId);
