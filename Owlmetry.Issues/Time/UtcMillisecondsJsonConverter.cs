using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Time;

/// <summary>
/// Writes timestamps as ISO-8601 UTC with exactly three fraction digits (<c>2024-01-15T14:30:00.000Z</c>), as the API
/// and the notification payloads do, and reads them back at the millisecond precision the product stores.
/// </summary>
internal sealed class UtcMillisecondsJsonConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().TruncateToMilliseconds();

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture));
    }
}
