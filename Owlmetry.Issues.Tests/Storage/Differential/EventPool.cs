using Owlmetry.Issues.Fingerprinting;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>
/// The small pools generated events are drawn from, so that grouping (two messages normalize alike), dedup by
/// session, unique users, regressions by version and duplicate client event ids all happen within a few steps;
/// and the labels that make a state readable: session and fingerprint names instead of hashes and UUIDs.
/// </summary>
internal static class EventPool
{
    public static readonly IReadOnlyList<string> Messages =
        ["Connection refused", "Disk full", "Timeout after 30 seconds", "Timeout after 31 seconds", "NullReferenceException in Checkout"];

    public static readonly IReadOnlyList<string?> SourceModules = [null, "Net"];

    public static readonly IReadOnlyList<Guid> Sessions =
        [.. Enumerable.Range(1, 6).Select(n => Guid.Parse($"5e000000-0000-4000-8000-00000000000{n}"))];

    public static readonly IReadOnlyList<string?> Users = [null, "u1", "u2", "u3", "u4"];

    public static readonly IReadOnlyList<string?> AppVersions = [null, "1.0", "2.0", "2.1", "10.0", "1.0-beta"];

    public static readonly IReadOnlyList<string?> SdkVersions = [null, "0.1", "0.2"];

    public static readonly IReadOnlyList<Guid> ClientEventIds =
        [.. Enumerable.Range(1, 8).Select(n => Guid.Parse($"ce000000-0000-4000-8000-00000000000{n}"))];

    private static readonly Dictionary<string, string> s_fingerprintLabels = LabelFingerprints();

    public static string SessionLabel(Guid session)
    {
        var index = Sessions.ToList().IndexOf(session);
        return index < 0 ? session.ToString() : $"s{index + 1}";
    }

    public static string FingerprintLabel(string hash) => s_fingerprintLabels.GetValueOrDefault(hash, hash);

    private static Dictionary<string, string> LabelFingerprints()
    {
        var strategy = new DefaultFingerprintStrategy();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var module in SourceModules)
        {
            foreach (var message in Messages)
            {
                labels.TryAdd(strategy.Compute(new FingerprintInput(message, module, null)).Hash, $"{module}:{message}");
            }
        }

        return labels;
    }
}
