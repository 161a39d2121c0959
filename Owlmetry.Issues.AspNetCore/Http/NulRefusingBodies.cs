using System.Text.Json.Serialization.Metadata;
using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// Refuses a NUL character, which no store keeps (<see cref="StoredText"/>), in the text members of the request bodies
/// the framework binds: a 400 naming the member instead of a storage failure (500). A check once the object is read,
/// not a converter for strings, which would leave the OpenAPI document's string schemas empty.
/// </summary>
internal static class NulRefusingBodies
{
    /// <summary>A type-info modifier: adds the check to each object type that has a string member or a list of strings.</summary>
    public static void Modify(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var texts = typeInfo.Properties
            .Where(p => p.Get is not null && (p.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(p.PropertyType)))
            .ToArray();
        if (texts.Length == 0)
        {
            return;
        }

        var earlier = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = body =>
        {
            earlier?.Invoke(body);
            if (texts.FirstOrDefault(p => HoldsNul(p.Get!(body))) is { } member)
            {
                throw new RefusedJsonTextException(JsonText.NulReason, member.Name);
            }
        };
    }

    private static bool HoldsNul(object? value) => value switch
    {
        string text => StoredText.ContainsNul(text),
        IEnumerable<string> texts => texts.Any(StoredText.ContainsNul),
        _ => false,
    };
}
