using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Fingerprinting;

/// <summary>An event's fingerprint as the scan computes it, for the scan itself and for whatever finds an event's issue later.</summary>
internal static class EventFingerprints
{
    /// <summary>The fingerprint the strategy gives the event.</summary>
    public static Fingerprint Compute(IFingerprintStrategy strategy, ErrorEvent errorEvent) =>
        strategy.Compute(new FingerprintInput(errorEvent.Message, errorEvent.SourceModule, errorEvent.CustomAttributes));

    /// <summary>The alias that names the event's issue once the scan has placed it (CONTRACT §7.1: per app and dev/prod).</summary>
    public static FingerprintKey KeyOf(IFingerprintStrategy strategy, ErrorEvent errorEvent) =>
        new(Compute(strategy, errorEvent).Hash, errorEvent.AppId, errorEvent.IsDev);
}
