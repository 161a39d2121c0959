namespace Owlmetry.Issues.Ingest;

/// <summary>A hook that sees every event ingest accepted, once it is durable. Register any number of them.</summary>
internal interface IIngestObserver
{
    /// <summary>Called after a batch committed, with its accepted events in order.</summary>
    Task OnAcceptedAsync(IngestSource source, IReadOnlyList<AcceptedEvent> events, CancellationToken ct = default);
}
