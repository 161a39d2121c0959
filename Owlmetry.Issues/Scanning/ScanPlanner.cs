using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Fingerprinting;

namespace Owlmetry.Issues.Scanning;

/// <summary>
/// Groups a batch of events the way the scan must see them (CONTRACT §7.2): per app, per session, in timestamp
/// order, into bursts of events within <see cref="BurstWindow"/> of the burst's first event, each split into its
/// dev and prod parts. Pure, so that grouping is tested without storage.
/// </summary>
internal static class ScanPlanner
{
    public static readonly TimeSpan BurstWindow = TimeSpan.FromMilliseconds(5_000);

    public static IReadOnlyList<ScanPart> Plan(IEnumerable<ErrorEvent> events, IFingerprintStrategy strategy)
    {
        var parts = new List<ScanPart>();
        foreach (var session in events.GroupBy(e => (e.AppId, e.SessionId)))
        {
            var ordered = session.OrderBy(e => e.Timestamp).ThenBy(e => e.Sequence).ToList();
            var burstStart = 0;
            for (var i = 1; i <= ordered.Count; i++)
            {
                if (i < ordered.Count && ordered[i].Timestamp - ordered[burstStart].Timestamp <= BurstWindow)
                {
                    continue;
                }

                AddBurst(parts, ordered.GetRange(burstStart, i - burstStart), strategy);
                burstStart = i;
            }
        }

        return parts;
    }

    private static void AddBurst(List<ScanPart> parts, List<ErrorEvent> burst, IFingerprintStrategy strategy)
    {
        foreach (var half in burst.GroupBy(e => e.IsDev))
        {
            var first = half.First();
            var fingerprinted = half
                .Select(e => new FingerprintedEvent(e, EventFingerprints.Compute(strategy, e)))
                .ToList();
            parts.Add(new ScanPart(first.AppId, first.ProjectId, half.Key, fingerprinted));
        }
    }
}
