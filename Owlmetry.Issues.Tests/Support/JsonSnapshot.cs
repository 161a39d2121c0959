using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// Prepares a response body for Snapshooter: ids become <c>&lt;id:1&gt;</c>, <c>&lt;id:2&gt;</c>… in order of first
/// appearance (so equal ids stay visibly equal); timestamps, cursors, trace ids, key secrets, JWTs and 32-hex ids
/// (slugs made unique per test) become placeholders; dates stay text.
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
        scrubbed = SecretPattern().Replace(scrubbed, "owl_${kind}_<secret>");
        scrubbed = JwtPattern().Replace(scrubbed, "<jwt>");
        scrubbed = HexIdPattern().Replace(scrubbed, "<hex>");
        scrubbed = TimestampPattern().Replace(scrubbed, "<time>");
        scrubbed = CursorPattern().Replace(scrubbed, "\"${name}\":\"<cursor>\"");
        scrubbed = TraceIdPattern().Replace(scrubbed, "\"trace_id\":\"<trace>\"");
        return JsonConvert.DeserializeObject<JToken>(scrubbed, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })!;
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex UuidPattern();

    [GeneratedRegex("owl_(?<kind>client|agent)_[0-9a-f]{48}")]
    private static partial Regex SecretPattern();

    [GeneratedRegex(@"eyJ[\w-]+\.[\w-]+\.[\w-]+")]
    private static partial Regex JwtPattern();

    [GeneratedRegex("(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")]
    private static partial Regex HexIdPattern();

    [GeneratedRegex("\"(?<name>cursor|occurrence_cursor)\":\"[^\"]+\"")]
    private static partial Regex CursorPattern();

    [GeneratedRegex("\"trace_id\":\"[^\"]+\"")]
    private static partial Regex TraceIdPattern();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")]
    private static partial Regex TimestampPattern();
}
