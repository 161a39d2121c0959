namespace Owlmetry.Issues.Contracts;

/// <summary>The body of <c>POST /v1/ingest</c>: a batch of events sent with an app's client key.</summary>
/// <param name="Events">The events, 1 to 100; each is accepted or refused on its own.</param>
/// <param name="BundleId">The sending app's bundle id, if it has one.</param>
public sealed record IngestRequest(IReadOnlyList<IngestEventRequest> Events, string? BundleId = null);
