namespace Owlmetry.Issues.Host.Directory;

public sealed record ProjectDetail(Project Project, IReadOnlyList<App> Apps);
