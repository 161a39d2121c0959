namespace Owlmetry.Issues.Host.Contracts;

public sealed record ProjectListResponse(IReadOnlyList<ProjectResponse> Projects);
