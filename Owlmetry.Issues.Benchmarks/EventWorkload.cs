using Owlmetry.Issues.Ingest;

namespace Owlmetry.Issues.Benchmarks;

/// <summary>
/// The scan workload of issue 5: error events over 2,000 distinct messages, 10,000 sessions and 5,000 users,
/// spread over the past 20 days so that bursts stay realistic (a session rarely errs twice within 5 s). With
/// <paramref name="recentTimestamps"/>, each event is stamped instead a millisecond after the one before it, less up to
/// 5 s, ending now: what live clients send, in the order they send it.
/// </summary>
internal sealed class EventWorkload(int events, bool recentTimestamps = false, int messages = 2_000, int sessions = 10_000, int users = 5_000)
{
    private readonly Guid[] _sessions = Enumerable.Range(0, sessions).Select(_ => Guid.NewGuid()).ToArray();

    public int Count => events;

    public string Timestamps => recentTimestamps ? "timestamps just before receipt" : "timestamps over 20 days";

    public IEnumerable<IncomingEvent[]> Batches(int size, DateTimeOffset now)
    {
        var random = new Random(42);
        for (var start = 0; start < events; start += size)
        {
            yield return Enumerable.Range(start, Math.Min(size, events - start)).Select(i => new IncomingEvent
            {
                Message = $"Cannot reach the {Word(random.Next(messages))} service",
                Level = "error",
                SessionId = _sessions[random.Next(_sessions.Length)].ToString(),
                UserId = $"user-{random.Next(users)}",
                SourceModule = "Network",
                AppVersion = $"1.{random.Next(5)}.0",
                SdkVersion = "0.4.0",
                Environment = "backend",
                ClientEventId = Guid.NewGuid().ToString(),
                Timestamp = (recentTimestamps
                    ? now.AddMilliseconds(i - events - random.Next(5_000))
                    : now.AddSeconds(-random.Next(20 * 86_400))).ToString("O"),
            }).ToArray();
        }
    }

    /// <summary>Letters only: digits would be normalized away and every message would share one fingerprint.</summary>
    private static string Word(int n)
    {
        Span<char> letters = stackalloc char[4];
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = (char)('a' + (n % 26));
            n /= 26;
        }

        return new string(letters);
    }
}
