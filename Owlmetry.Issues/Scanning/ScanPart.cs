namespace Owlmetry.Issues.Scanning;

/// <summary>
/// The dev or prod half of one burst: events of one app and session within 5 seconds of the burst's first
/// event, each with its fingerprint, in timestamp order. <see cref="EarlierHashes"/>: the fingerprints of the same
/// half of the burst that earlier units scanned, when this part continues a burst they began (<see cref="OpenBursts"/>).
/// </summary>
internal sealed record ScanPart(Guid AppId, Guid ProjectId, bool IsDev, IReadOnlyList<FingerprintedEvent> Events, IReadOnlyList<string> EarlierHashes);
