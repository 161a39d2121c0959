namespace Owlmetry.Issues.Storage;

/// <summary>A fingerprint as the store keys it: fingerprints are scoped per app and per dev/prod.</summary>
/// <param name="Hash">The lowercase hex SHA-256 fingerprint.</param>
/// <param name="AppId">The app whose events carry it.</param>
/// <param name="IsDev">Whether the events are development-mode events.</param>
public readonly record struct FingerprintKey(string Hash, Guid AppId, bool IsDev);
