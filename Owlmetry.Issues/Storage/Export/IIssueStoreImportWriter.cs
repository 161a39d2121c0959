using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Storage.Export;

/// <summary>
/// The writes a copy into an empty store needs beyond <see cref="IIssueStoreWriter"/>'s, which keep every id but give
/// events new sequences: events stored with the sequences they had, so the scan checkpoint copied with them still
/// marks the same events. A provider's writer implements it when the provider can be a copy's target; call it inside
/// <see cref="IIssueStore.WriteAsync{T}"/> with the writer cast to this interface.
/// </summary>
public interface IIssueStoreImportWriter
{
    /// <summary>Stores events with their own <see cref="ErrorEvent.Sequence"/>; a sequence or id already stored throws <see cref="IssueStoreConflictException"/>.</summary>
    ValueTask ImportEventsAsync(IReadOnlyList<ErrorEvent> events);

    /// <summary>Sets the last sequence given, so that the next appended event follows the copied ones (and those retention deleted).</summary>
    ValueTask SetLastEventSequenceAsync(long sequence);
}
