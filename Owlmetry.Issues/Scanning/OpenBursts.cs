namespace Owlmetry.Issues.Scanning;

/// <summary>
/// The last burst of each session, which the next unit's events may still join (CONTRACT §7.2). The scan runs every
/// few seconds, so the events of one burst often reach it in two units; scanned apart they would otherwise form two
/// bursts, and a burst's second error its own issue. A unit's bursts are valid only for the unit that starts right
/// after its last event (<see cref="After"/>): a scan by another process in between, or a unit that failed, leaves none.
/// Only recent bursts are kept, by the scan's clock: a backlog of old events leaves nothing to hold in memory.
/// </summary>
internal sealed class OpenBursts
{
    /// <summary>
    /// How long after its window closes, by the scan's clock, a burst stays open to later units: long enough for an SDK's
    /// next upload and a device clock a few minutes off; memory is kept per session.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly IReadOnlyDictionary<(Guid AppId, Guid SessionId), OpenBurst> _bursts;

    public OpenBursts(long after, IReadOnlyDictionary<(Guid AppId, Guid SessionId), OpenBurst> bursts)
    {
        After = after;
        _bursts = bursts;
    }

    public static OpenBursts None { get; } = new(after: -1, new Dictionary<(Guid AppId, Guid SessionId), OpenBurst>());

    /// <summary>The sequence of the last event scanned before these bursts' next events.</summary>
    public long After { get; }

    /// <summary>These bursts for the unit read after <paramref name="checkpoint"/>: none unless it follows them.</summary>
    public OpenBursts Following(long checkpoint) => checkpoint == After ? this : None;

    /// <summary>Whether a burst that began at <paramref name="start"/> is still open at <paramref name="now"/>.</summary>
    public static bool StaysOpen(DateTimeOffset start, DateTimeOffset now) => now - (start + ScanPlanner.BurstWindow) <= Lifetime;

    /// <summary>The bursts still open at <paramref name="now"/>, to carry into the next unit's.</summary>
    public Dictionary<(Guid AppId, Guid SessionId), OpenBurst> Surviving(DateTimeOffset now) =>
        _bursts.Where(b => StaysOpen(b.Value.Start, now)).ToDictionary();
}

/// <summary>
/// A session's last burst as scanned so far: when it started, and the fingerprints of its prod and dev events (each
/// half resolves to its issues when the next events arrive).
/// </summary>
internal sealed record OpenBurst(DateTimeOffset Start, IReadOnlyList<string> ProdHashes, IReadOnlyList<string> DevHashes);
