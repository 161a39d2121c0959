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
    /// <param name="now">The scan's time, which keeps the bursts open to later units for <see cref="OpenBursts.Lifetime"/>.</param>
    public static ScanPlan Plan(IReadOnlyList<ErrorEvent> events, IFingerprintStrategy strategy, OpenBursts open, DateTimeOffset now)
    {
        var parts = new List<ScanPart>();
        var stillOpen = open.Surviving(now);
        foreach (var session in events.GroupBy(e => (e.AppId, e.SessionId)))
        {
            var ordered = session.OrderBy(e => e.Timestamp).ThenBy(e => e.Sequence).ToList();
            var continued = stillOpen.GetValueOrDefault(session.Key) is { } earlier && Joins(ordered[0], earlier.Start) ? earlier : null;
            var burstStart = continued?.Start ?? ordered[0].Timestamp;
            var first = 0;
            for (var i = 1; i <= ordered.Count; i++)
            {
                if (i < ordered.Count && Joins(ordered[i], burstStart))
                {
                    continue;
                }

                var halves = AddBurst(parts, ordered.GetRange(first, i - first), strategy, continued);
                if (i == ordered.Count)
                {
                    stillOpen[session.Key] = new OpenBurst(burstStart, halves.Prod, halves.Dev, now);
                }
                else
                {
                    continued = null;
                    first = i;
                    burstStart = ordered[i].Timestamp;
                }
            }
        }

        return new ScanPlan(parts, new OpenBursts(events[^1].Sequence, stillOpen));
    }

    // In timestamp order, an event joins the burst whose start it is no more than the window after; an event earlier
    // than an open burst's start arrived late and begins a burst of its own.
    private static bool Joins(ErrorEvent errorEvent, DateTimeOffset burstStart) =>
        errorEvent.Timestamp >= burstStart && errorEvent.Timestamp - burstStart <= BurstWindow;

    /// <returns>The fingerprints of the whole burst's prod and dev halves, the continued burst's included.</returns>
    private static (IReadOnlyList<string> Prod, IReadOnlyList<string> Dev) AddBurst(
        List<ScanPart> parts, List<ErrorEvent> burst, IFingerprintStrategy strategy, OpenBurst? continued)
    {
        IReadOnlyList<string> prod = continued?.ProdHashes ?? [];
        IReadOnlyList<string> dev = continued?.DevHashes ?? [];
        foreach (var half in burst.GroupBy(e => e.IsDev))
        {
            var first = half.First();
            var earlier = half.Key ? dev : prod;
            var fingerprinted = half
                .Select(e => new FingerprintedEvent(e, EventFingerprints.Compute(strategy, e)))
                .ToList();
            parts.Add(new ScanPart(first.AppId, first.ProjectId, half.Key, fingerprinted, earlier));
            IReadOnlyList<string> whole = [.. earlier.Union(fingerprinted.Select(e => e.Fingerprint.Hash), StringComparer.Ordinal)];
            (prod, dev) = half.Key ? (prod, whole) : (whole, dev);
        }

        return (prod, dev);
    }
}
