using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Ingest;

/// <summary>
/// An event ingest accepted, of any level. Only <c>error</c> events are stored for the scan; an embedding
/// application sees them all through <see cref="IIngestObserver"/>.
/// </summary>
/// <param name="Level">The level: <c>info</c>, <c>debug</c>, <c>warn</c> or <c>error</c>.</param>
/// <param name="Event">The validated event.</param>
internal sealed record AcceptedEvent(string Level, ErrorEvent Event);
