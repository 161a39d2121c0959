using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// Binds <see cref="JsonElement"/> members of request bodies (kept raw to tell an absent field from null) with their
/// text checked (<see cref="JsonText"/>), as the framework checks a string member's and <see cref="NulRefusingBodies"/>
/// adds a NUL's refusal to: a bad string fails the binding (400) instead of a later <c>GetString</c> or a store (500).
/// </summary>
internal sealed class CheckedJsonElementConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var element = JsonElement.ParseValue(ref reader);
        return JsonText.RefusalOf(JsonMarshal.GetRawUtf8Value(element)) is { } reason ? throw new RefusedJsonTextException(reason) : element;
    }

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => value.WriteTo(writer);
}
