namespace Owlmetry.Issues.Host.Contracts;

public sealed record AppListResponse(IReadOnlyList<AppResponse> Apps);
