using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Notifications;

// The notification payload's timestamps, written as the API writes them (Owlmetry.Issues.AspNetCore's
// UtcMillisecondsJsonConverter): the library stores and sends payloads but no longer defines the API's shapes.
internal sealed class UtcMillisecondsConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().TruncateToMilliseconds();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture));
}
