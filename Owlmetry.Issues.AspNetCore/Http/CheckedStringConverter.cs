using System.Text.Json;
using System.Text.Json.Serialization;
using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// Binds the string members of request bodies as the framework does (which already refuses text that is not valid
/// Unicode), and refuses a NUL character, which no store keeps (<see cref="StoredText"/>): a 400 naming the member
/// instead of a storage failure (500).
/// </summary>
internal sealed class CheckedStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string? Checked(string? text) => StoredText.ContainsNul(text) ? throw new RefusedJsonTextException(JsonText.NulReason) : text;
}
