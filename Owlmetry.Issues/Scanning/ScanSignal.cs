namespace Owlmetry.Issues;

/// <summary>
/// Wakes the background scan as soon as ingest stored error events, so an event is an occurrence well within the
/// scan interval; the interval remains the upper bound when no signal comes.
/// </summary>
public sealed class ScanSignal : WakeSignal;
