using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.Tests.Fuzzing;

/// <summary>
/// Pieces of JSON text: members the API reads (from every request contract, so a new field is fuzzed too, plus the
/// ingest event's), and values that are valid, wrongly typed, out of range, deeply nested or invalid text.
/// </summary>
internal static class JsonFragments
{
    private static readonly string[] s_eventFields =
    [
        "message", "level", "session_id", "client_event_id", "user_id", "source_module", "screen_name", "custom_attributes",
        "environment", "os_version", "app_version", "sdk_name", "sdk_version", "build_number", "device_model", "is_dev", "timestamp",
    ];

    private static readonly string[] s_words =
    [
        "new", "in_progress", "resolved", "silenced", "regressed", "snoozed", "closed", "error", "info", "debug", "warn", "fatal",
        "agent", "client", "owner", "admin", "member", "backend", "apple", "android", "web", "ios", "issue_scan", "daily", "none",
        "weekly", "issue.new", "issue.digest", "1.0.0", "v2.0.0-beta.1+abc", "text/plain", "application/x-msdownload", "crash.log",
        "../../etc/passwd", "issues:read", "events:write", "nope:nope", "admin@localhost", "correct horse battery staple",
    ];

    private static readonly string[] s_oddStrings =
    [
        "\"\"", "\"   \"", "\"\\ud83d\\ude00\"", "\"\\u0000\"", "\"\\t\\n\\r\"",
        "\"\\\"\\\\\"", "\"é漢🦉\"", "\"2026-12-03T13:40:00.000Z\"", "\"9999-12-31T23:59:59Z\"", "\"0001-01-01T00:00:00Z\"", "\"yesterday\"",
        "\"http://127.0.0.1:1/hook\"", "\"http://[::1]/\"", "\"http://localhost/\"", "\"http://10.0.0.1/\"", "\"ftp://127.0.0.1/\"",
        "\"http://[::ffff:1.2.3.4]:99999/\"", "\"http:///nohost\"", $"\"http://{new string('a', 300)}/\"", "\"%00%FF\"",
        "\"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\"",
    ];

    /// <summary>Unpaired surrogate escapes: well-formed JSON whose text is not Unicode.</summary>
    private static readonly string[] s_invalidText = ["\"\\ud800\"", "\"\\udc00\"", "\"a\\ud83dz\"", "\"\\udfff\\ud800\""];

    private static readonly string[] s_numbers =
    [
        "0", "-1", "1", "42", "100", "101", "3650", "3651", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "1e400", "-1e400", "1e-400", "1.5", "-0",
        "0.0", "1E+2",
    ];

    public static IReadOnlyList<string> Fields { get; } =
    [
        .. typeof(UpdateIssueRequest).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(UpdateIssueRequest).Namespace && t.Name.EndsWith("Request", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties())
            .Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name))
            .Concat(s_eventFields)
            .Append("events")
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    public static Gen<string> Value(FuzzIds ids, int depth) => Gen.Frequency(
        (6, String(ids)),
        (2, Gen.Elements(s_numbers)),
        (1, Gen.Elements("true", "false", "null")),
        (depth > 0 ? 1 : 0, Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Value(ids, depth - 1), n)).Select(items => $"[{string.Join(',', items)}]")),
        (depth > 0 ? 2 : 0, Object(ids, depth - 1)),
        (1, Deep()));

    /// <summary>An object of API members, often with plausible values, sometimes with a member twice.</summary>
    public static Gen<string> Object(FuzzIds ids, int depth) =>
        from count in Gen.Choose(0, 6)
        from members in Gen.ListOf(Member(ids, Math.Max(depth, 0)), count)
        select $"{{{string.Join(',', members)}}}";

    /// <summary>An ingest batch: events that are mostly valid, so that the batch gets past its own checks.</summary>
    public static Gen<string> IngestBatch(FuzzIds ids) =>
        from count in Gen.Frequency((8, Gen.Choose(1, 3)), (1, Gen.Constant(0)), (1, Gen.Constant(101)))
        from events in Gen.ListOf(Event(ids), count)
        from extra in Gen.ListOf(Member(ids, 1), 1)
        select $"{{\"events\":[{string.Join(',', events)}],{extra.Single()}}}";

    private static Gen<string> Event(FuzzIds ids) =>
        from session in Gen.Frequency((4, Gen.Constant($"\"{Guid.NewGuid()}\"")), (1, String(ids)))
        from level in Gen.Frequency((4, Gen.Constant("\"error\"")), (1, Value(ids, 0)))
        from message in Gen.Frequency((3, Gen.Constant("\"Connection refused\"")), (2, Value(ids, 0)), (1, Gen.Elements(s_invalidText)))
        from more in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Member(ids, 1), n))
        select $"{{\"message\":{message},\"level\":{level},\"session_id\":{session}{string.Concat(more.Select(m => "," + m))}}}";

    private static Gen<string> Member(FuzzIds ids, int depth) =>
        from name in Gen.Frequency((9, Gen.Elements(Fields.ToArray())), (1, Gen.Elements("", "\\ud800", "__proto__", "Status", new string('k', 1000))))
        from value in Value(ids, depth)
        select $"\"{name}\":{value}";

    private static Gen<string> String(FuzzIds ids) => Gen.Frequency(
        (3, ids.Id.Select(id => $"\"{id}\"")),
        (3, Gen.Elements(s_words).Select(word => $"\"{word}\"")),
        (3, Gen.Elements(s_oddStrings)),
        (2, Gen.Elements(s_invalidText)),
        (1, Gen.Elements(51, 256, 10_001, 70_000).Select(length => $"\"{new string('x', length)}\"")));

    private static Gen<string> Deep() =>
        Gen.Elements(63, 64, 65, 1_000).Select(depth => new string('[', depth) + new string(']', depth));
}
