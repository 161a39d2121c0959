namespace Owlmetry.Issues.Contracts;

/// <summary>Occurrences split three ways, each most first.</summary>
/// <param name="AppVersion">Per app version.</param>
/// <param name="Environment">Per environment.</param>
/// <param name="CountryCode">Per country code.</param>
public sealed record IssueBreakdownsResponse(
    IReadOnlyList<ValueCountResponse> AppVersion, IReadOnlyList<ValueCountResponse> Environment, IReadOnlyList<ValueCountResponse> CountryCode);
