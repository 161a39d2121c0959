using System.Text.Json;

namespace Owlmetry.Issues.Contracts;

/// <summary>The JSON conventions of the Issues API: snake_case members and UTC timestamps with milliseconds.</summary>
public static class IssuesJson
{
    /// <summary>Creates serializer options with the API's conventions; hosts may add their own converters.</summary>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }

    /// <summary>Applies the API's conventions to existing options (e.g. ASP.NET Core's <c>JsonOptions</c>).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new UtcTimestampJsonConverter());
    }
}
