using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// Prepares a response body for Snapshooter: ids become <c>&lt;id:1&gt;</c>, <c>&lt;id:2&gt;</c>… in order of first
/// appearance (so equal ids stay visibly equal), timestamps <c>&lt;time&gt;</c>, cursors and trace ids by
/// placeholders; dates stay text.
/// </summary>
internal static partial class JsonSnapshot
{
    public static JToken Scrub(string json)
    {
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var scrubbed = UuidPattern().Replace(json, m =>
        {
            if (!ids.TryGetValue(m.Value, out var n))
            {
                n = ids.Count + 1;
                ids[m.Value] = n;
            }

            return $"<id:{n}>";
        });
        scrubbed = TimestampPattern().Replace(scrubbed, "<time>");
        scrubbed = CursorPattern().Replace(scrubbed, "\"${name}\":\"<cursor>\"");
        scrubbed = TraceIdPattern().Replace(scrubbed, "\"trace_id\":\"<trace>\"");
        return JsonConvert.DeserializeObject<JToken>(scrubbed, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })!;
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex UuidPattern();

    [GeneratedRegex("\"(?<name>cursor|occurrence_cursor)\":\"[^\"]+\"")]
    private static partial Regex CursorPattern();

    [GeneratedRegex("\"trace_id\":\"[^\"]+\"")]
    private static partial Regex TraceIdPattern();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")]
    private static partial Regex TimestampPattern();
}
