namespace Owlmetry.Issues.Scanning;

/// <summary>
/// The last burst of each session, which the next unit's events may still join (CONTRACT §7.2). The scan runs every
/// few seconds, so the events of one burst often reach it in two units; scanned apart they would otherwise form two
/// bursts, and a burst's second error its own issue. A unit's bursts are valid only for the unit that starts right
/// after its last event (<see cref="After"/>): a scan by another process in between, or a unit that failed, leaves none.
/// </summary>
internal sealed class OpenBursts
{
    /// <summary>How long a session's burst stays open to later units without new events: memory is kept per session.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

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

    /// <summary>The bursts still open at <paramref name="now"/>, to carry into the next unit's.</summary>
    public Dictionary<(Guid AppId, Guid SessionId), OpenBurst> Surviving(DateTimeOffset now) =>
        _bursts.Where(b => now - b.Value.ExtendedAt <= Lifetime).ToDictionary();
}

/// <summary>
/// A session's last burst as scanned so far: when it started, the fingerprints of its prod and dev events (each half
/// resolves to its issues when the next events arrive), and when the scan last added to it.
/// </summary>
internal sealed record OpenBurst(DateTimeOffset Start, IReadOnlyList<string> ProdHashes, IReadOnlyList<string> DevHashes, DateTimeOffset ExtendedAt);
