namespace Owlmetry.Issues.Contracts;

/// <summary>The body of a claim of one issue, which takes the issue or renews the caller's claim on it; optional.</summary>
/// <param name="DurationSeconds">The claim's length from now: 30 to 86400 seconds; 900 when left out.</param>
public sealed record RenewClaimRequest(int? DurationSeconds = null);
