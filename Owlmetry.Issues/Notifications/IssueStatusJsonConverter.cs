using System.Text.Json;
using System.Text.Json.Serialization;
using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Notifications;

/// <summary>Reads and writes an <see cref="IssueStatus"/> as its wire name (<c>new</c>, <c>regressed</c>, …).</summary>
internal sealed class IssueStatusJsonConverter : JsonConverter<IssueStatus>
{
    public override IssueStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WireNames.TryParse<IssueStatus>(reader.GetString(), out var status) ? status : throw new JsonException("Unknown issue status.");

    public override void Write(Utf8JsonWriter writer, IssueStatus value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToWireName());
}
