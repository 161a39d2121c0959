using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Fingerprinting;

namespace Owlmetry.Issues.Scanning;

/// <summary>An event and the fingerprint the strategy gave it.</summary>
internal sealed record FingerprintedEvent(ErrorEvent Event, Fingerprint Fingerprint);
