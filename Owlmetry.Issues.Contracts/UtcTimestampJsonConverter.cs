using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Owlmetry.Issues.Contracts;

/// <summary>
/// The API's timestamps: written as ISO-8601 UTC with exactly three fraction digits (<c>2024-01-15T14:30:00.000Z</c>),
/// read back at the millisecond precision the server stores and pages on.
/// </summary>
internal sealed class UtcTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var utc = reader.GetDateTimeOffset().ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture));
}
