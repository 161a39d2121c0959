using System.Text.Json;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Ingest;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// Reads an ingest body leniently: a malformed document fails the batch, but a wrongly typed field, or a string that
/// is not valid Unicode (an unpaired surrogate escape, invalid UTF-8), fails only its event, so one bad event never
/// costs the others.
/// </summary>
internal static class IngestRequestReader
{
    public sealed record Batch(string? BundleId, IReadOnlyList<IncomingEvent> Events);

    public static IssueResult<Batch> Read(JsonElement root)
    {
        try
        {
            return ReadBatch(root);
        }
        catch (InvalidOperationException)
        {
            // Outside the events (bundle_id, a name of the body's own members): the batch has no event to blame.
            return IssueError.Invalid(JsonText.InvalidTextMessage);
        }
    }

    private static IssueResult<Batch> ReadBatch(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return IssueError.Invalid("Body must be a JSON object");
        }

        string? bundleId = null;
        if (root.TryGetProperty("bundle_id", out var bundle) && bundle.ValueKind != JsonValueKind.Null)
        {
            if (bundle.ValueKind != JsonValueKind.String)
            {
                return IssueError.Invalid("bundle_id must be a string");
            }

            bundleId = bundle.GetString();
        }

        if (!root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array || events.GetArrayLength() == 0)
        {
            return IssueError.Invalid("events must be a non-empty array");
        }

        if (events.GetArrayLength() > EventRules.MaxBatchSize)
        {
            return IssueError.Invalid($"events may hold at most {EventRules.MaxBatchSize} events");
        }

        return new Batch(bundleId, events.EnumerateArray().Select(ReadEvent).ToList());
    }

    private static IncomingEvent ReadEvent(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return new IncomingEvent { ShapeError = "event must be an object" };
        }

        try
        {
            return new IncomingEvent
            {
                Message = Text(e, "message"),
                Level = Text(e, "level"),
                SessionId = Text(e, "session_id"),
                ClientEventId = Text(e, "client_event_id"),
                UserId = Text(e, "user_id"),
                SourceModule = Text(e, "source_module"),
                ScreenName = Text(e, "screen_name"),
                CustomAttributes = Attributes(e),
                Environment = Text(e, "environment"),
                OsVersion = Text(e, "os_version"),
                AppVersion = Text(e, "app_version"),
                SdkName = Text(e, "sdk_name"),
                SdkVersion = Text(e, "sdk_version"),
                BuildNumber = Text(e, "build_number"),
                DeviceModel = Text(e, "device_model"),
                IsDev = Flag(e, "is_dev"),
                Timestamp = Text(e, "timestamp"),
            };
        }
        catch (FieldTypeException wrongType)
        {
            return new IncomingEvent { ShapeError = wrongType.Message };
        }
        catch (InvalidOperationException)
        {
            return new IncomingEvent { ShapeError = "a field name of the event is not valid Unicode text" };
        }
    }

    private static string? Text(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? Unicode(value, static v => v.GetString()!, name)
        : throw new FieldTypeException($"{name} must be a string");

    // A string or a member name is unescaped when read, which is where text that is not valid Unicode shows.
    private static string Unicode<T>(T source, Func<T, string> read, string what)
    {
        try
        {
            return read(source);
        }
        catch (InvalidOperationException)
        {
            throw new FieldTypeException($"{what} is not valid Unicode text");
        }
    }

    private static bool? Flag(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
        : throw new FieldTypeException($"{name} must be a boolean");

    private static Dictionary<string, string>? Attributes(JsonElement e)
    {
        if (!e.TryGetProperty("custom_attributes", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new FieldTypeException("custom_attributes must be an object of strings");
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var name = Unicode(property, static p => p.Name, "a name in custom_attributes");
            attributes[name] = property.Value.ValueKind == JsonValueKind.String
                ? Unicode(property.Value, static v => v.GetString()!, $"custom_attributes.{name}")
                : throw new FieldTypeException($"custom_attributes.{name} must be a string");
        }

        return attributes;
    }

    private sealed class FieldTypeException(string message) : Exception(message);
}
