using System.Runtime.InteropServices;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Fingerprinting;

namespace Owlmetry.Issues.Scanning;

/// <summary>
/// Groups a unit's events the way the scan must see them (CONTRACT §7.2): per app, per session, in timestamp order,
/// into bursts of events within <see cref="BurstWindow"/> of the burst's first event, each split into its dev and prod
/// parts. A session's first events join the burst an earlier unit left open when they fall in its window. Pure, so
/// that grouping is tested without storage.
/// </summary>
internal static class ScanPlanner
{
    public static readonly TimeSpan BurstWindow = TimeSpan.FromMilliseconds(5_000);

    /// <param name="events">The unit's events, in the order they were stored.</param>
    /// <param name="strategy">Fingerprints each event.</param>
    /// <param name="open">The bursts earlier units left open, for a unit that follows them.</param>
    /// <param name="now">The scan's time: bursts stay open to later units for <see cref="OpenBursts.Lifetime"/> after their window.</param>
    public static ScanPlan Plan(IReadOnlyList<ErrorEvent> events, IFingerprintStrategy strategy, OpenBursts open, DateTimeOffset now)
    {
        var parts = new List<ScanPart>();
        var stillOpen = open.Surviving(now);
        foreach (var session in events.GroupBy(e => (e.AppId, e.SessionId)))
        {
            var ordered = session.OrderBy(e => e.Timestamp).ThenBy(e => e.Sequence).ToList();
            var sessionOpen = stillOpen.GetValueOrDefault(session.Key);
            var (burstStart, continued) = Begin(ordered[0], ref sessionOpen);
            var first = 0;
            for (var i = 1; i <= ordered.Count; i++)
            {
                if (i < ordered.Count && Joins(ordered[i], burstStart))
                {
                    continue;
                }

                var added = AddBurst(parts, ordered.GetRange(first, i - first), strategy, continued);
                if (i == ordered.Count)
                {
                    Keep(stillOpen, session.Key, burstStart, continued, CollectionsMarshal.AsSpan(parts)[^added..], now);
                }
                else
                {
                    first = i;
                    (burstStart, continued) = Begin(ordered[i], ref sessionOpen);
                }
            }
        }

        return new ScanPlan(parts, new OpenBursts(events[^1].Sequence, stillOpen));
    }

    // A burst begins at its first event, or continues the session's open burst (once) when that event falls in its window.
    private static (DateTimeOffset Start, OpenBurst? Continued) Begin(ErrorEvent first, ref OpenBurst? open)
    {
        if (open is { } earlier && Joins(first, earlier.Start))
        {
            open = null;
            return (earlier.Start, earlier);
        }

        return (first.Timestamp, null);
    }

    // In timestamp order, an event joins the burst whose start it is no more than the window after; an event earlier
    // than an open burst's start arrived late and begins a burst of its own.
    private static bool Joins(ErrorEvent errorEvent, DateTimeOffset burstStart) =>
        errorEvent.Timestamp >= burstStart && errorEvent.Timestamp - burstStart <= BurstWindow;

    /// <returns>How many parts the burst added: one per half it has events of.</returns>
    private static int AddBurst(List<ScanPart> parts, List<ErrorEvent> burst, IFingerprintStrategy strategy, OpenBurst? continued)
    {
        var added = 0;
        foreach (var half in burst.GroupBy(e => e.IsDev))
        {
            var first = half.First();
            var fingerprinted = half
                .Select(e => new FingerprintedEvent(e, EventFingerprints.Compute(strategy, e)))
                .ToList();
            IReadOnlyList<string> earlier = (half.Key ? continued?.DevHashes : continued?.ProdHashes) ?? [];
            parts.Add(new ScanPart(first.AppId, first.ProjectId, half.Key, fingerprinted, earlier));
            added++;
        }

        return added;
    }

    /// <summary>
    /// Keeps a session's last burst for the next unit to continue, with the fingerprints of each half, earlier units'
    /// included. A burst of late events, earlier than the session's open burst, leaves that one in place; a burst
    /// already closed is not kept (the session holds no open burst then: an earlier one would be closed too).
    /// </summary>
    private static void Keep(
        Dictionary<(Guid AppId, Guid SessionId), OpenBurst> open, (Guid AppId, Guid SessionId) session, DateTimeOffset start, OpenBurst? continued,
        ReadOnlySpan<ScanPart> lastParts, DateTimeOffset now)
    {
        if (continued is null && open.TryGetValue(session, out var later) && later.Start > start)
        {
            return;
        }

        if (!OpenBursts.StaysOpen(start, now))
        {
            return;
        }

        IReadOnlyList<string> prod = continued?.ProdHashes ?? [];
        IReadOnlyList<string> dev = continued?.DevHashes ?? [];
        foreach (var part in lastParts)
        {
            IReadOnlyList<string> whole = Hashes(part);
            (prod, dev) = part.IsDev ? (prod, whole) : (whole, dev);
        }

        open[session] = new OpenBurst(start, prod, dev);
    }

    // A burst's half holds a few fingerprints: a list searched in place costs less than a set per session and unit.
    private static List<string> Hashes(ScanPart part)
    {
        var hashes = new List<string>(part.EarlierHashes.Count + 1);
        hashes.AddRange(part.EarlierHashes);
        foreach (var e in part.Events)
        {
            if (!hashes.Contains(e.Fingerprint.Hash, StringComparer.Ordinal))
            {
                hashes.Add(e.Fingerprint.Hash);
            }
        }

        return hashes;
    }
}
