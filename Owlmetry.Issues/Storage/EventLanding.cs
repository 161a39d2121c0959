using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Storage;

/// <summary>
/// Where the scan put an event that carries a <c>client_event_id</c>: remembered so that an attachment reserved
/// after its event was scanned still reaches the issue. The issue is found through the fingerprint alias, which
/// merges re-point, so a landing stays right after its issue is merged away.
/// </summary>
public sealed record EventLanding
{
    /// <summary>The app that sent the event.</summary>
    public required Guid AppId { get; init; }

    /// <summary>The SDK's id of the event.</summary>
    public required Guid ClientEventId { get; init; }

    /// <summary>The server's id of the event.</summary>
    public required Guid EventId { get; init; }

    /// <summary>The event's fingerprint hash.</summary>
    public required string FingerprintHash { get; init; }

    /// <summary>Whether the event was a development-mode event.</summary>
    public bool IsDev { get; init; }

    /// <summary>When the scan placed the event.</summary>
    public required DateTimeOffset LandedAt { get; init; }

    /// <summary>The fingerprint alias that names the event's issue.</summary>
    public FingerprintKey Fingerprint => new(FingerprintHash, AppId, IsDev);
}
