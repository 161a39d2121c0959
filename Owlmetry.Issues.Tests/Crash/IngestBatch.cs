using System.Globalization;
using System.Text.Json;

namespace Owlmetry.Issues.Tests.Crash;

/// <summary>
/// One request body of 100 error events. Every event has its own session, so that every accepted event must become
/// exactly one occurrence; a few messages (numbers normalized away) group them into a few issues.
/// </summary>
internal sealed class IngestBatch
{
    public const int Size = 100;
    private const int Users = 50;

    private static readonly string[] s_messages =
    [
        "Connection refused to 10.0.0.{0}",
        "Timeout after {0} ms",
        "NullReferenceException in checkout step {0}",
        "Disk full while writing chunk {0}",
        "HTTP 500 from /v1/orders/{0}",
    ];

    private IngestBatch(int index, IReadOnlyList<Guid> clientEventIds, string json)
    {
        Index = index;
        ClientEventIds = clientEventIds;
        Json = json;
    }

    public static int MessageCount => s_messages.Length;

    public int Index { get; }

    public IReadOnlyList<Guid> ClientEventIds { get; }

    public string Json { get; }

    /// <summary>Set once a response said 200: from then on the events are acknowledged and must be kept.</summary>
    public bool Acknowledged { get; set; }

    /// <summary><paramref name="count"/> batches numbered from <paramref name="firstIndex"/>, their events of app version <paramref name="appVersion"/>.</summary>
    public static List<IngestBatch> Create(int count, int firstIndex = 0, string appVersion = "1.0.0") =>
        Enumerable.Range(firstIndex, count).Select(index => CreateOne(index, appVersion)).ToList();

    private static IngestBatch CreateOne(int index, string appVersion)
    {
        var ids = Enumerable.Range(0, Size).Select(_ => Guid.NewGuid()).ToList();
        var events = ids.Select((id, i) => new Dictionary<string, object>
        {
            ["message"] = string.Format(CultureInfo.InvariantCulture, s_messages[i % s_messages.Length], (index * Size) + i),
            ["level"] = "error",
            ["session_id"] = Guid.NewGuid(),
            ["client_event_id"] = id,
            ["user_id"] = $"user-{i % Users}",
            ["app_version"] = appVersion,
        });
        return new IngestBatch(index, ids, JsonSerializer.Serialize(new { events }));
    }
}
