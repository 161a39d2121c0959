namespace Owlmetry.Issues.Ingest;

/// <summary>Where a batch of events comes from, as the host established it from the client key and request.</summary>
/// <param name="AppId">The app of the client key.</param>
/// <param name="ProjectId">The app's project.</param>
/// <param name="Platform">The app's platform (<c>apple</c>, <c>android</c>, <c>web</c> or <c>backend</c>), which bounds the environments.</param>
/// <param name="CountryCode">The sender's two-letter country, if known.</param>
public sealed record IngestSource(Guid AppId, Guid ProjectId, string Platform, string? CountryCode = null);
