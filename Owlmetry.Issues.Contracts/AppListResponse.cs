namespace Owlmetry.Issues.Contracts;

/// <summary>A list of apps.</summary>
/// <param name="Apps">The apps.</param>
public sealed record AppListResponse(IReadOnlyList<AppResponse> Apps);
