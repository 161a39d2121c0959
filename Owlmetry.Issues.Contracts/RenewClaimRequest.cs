namespace Owlmetry.Issues.Contracts;

/// <summary>The body of a claim renewal; optional.</summary>
/// <param name="DurationSeconds">The claim's new length from now: 30 to 86400 seconds; 900 when left out.</param>
public sealed record RenewClaimRequest(int? DurationSeconds = null);
