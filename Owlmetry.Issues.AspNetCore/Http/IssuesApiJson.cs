using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>
/// The API's JSON: its wire conventions (<see cref="IssuesJson"/>) plus the checks of the bodies it binds. The API's
/// endpoints use these options whatever the host's own <see cref="JsonOptions"/> say (see <see cref="IssuesApiEndpointRouteBuilder"/>).
/// </summary>
internal static class IssuesApiJson
{
    public static JsonOptions Options { get; } = Create();

    /// <summary>Applies the API's JSON to <paramref name="options"/>: to its own, or to an application's that adopts them.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        IssuesJson.Configure(options);
        options.Converters.Add(new CheckedJsonElementConverter());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(NulRefusingBodies.Modify);
    }

    private static JsonOptions Create()
    {
        var options = new JsonOptions();
        Configure(options.SerializerOptions);
        return options;
    }
}
