namespace Owlmetry.Issues;

/// <summary>An event and the fingerprint the strategy gave it.</summary>
internal sealed record FingerprintedEvent(ErrorEvent Event, Fingerprint Fingerprint);
