using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;

namespace Owlmetry.Issues.Tests.Fuzzing;

/// <summary>A route of the running server, read from its endpoints so that a new route is fuzzed without a change here.</summary>
internal sealed partial record FuzzRoute(string Method, string Template, string Name)
{
    public IReadOnlyList<string> Parameters => [.. ParameterPattern().Matches(Template).Select(m => m.Groups["name"].Value)];

    public static IReadOnlyList<FuzzRoute> Discover(EndpointDataSource endpoints) =>
        [
            .. endpoints.Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
                .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(method => new FuzzRoute(
                    method,
                    "/" + e.RoutePattern.RawText!.Trim('/'),
                    e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "(unnamed)")))
                .OrderBy(r => r.Template, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal),
        ];

    /// <summary>The path with each parameter replaced by its value, given as it goes on the wire.</summary>
    public string Fill(Func<string, string> valueOf) => ParameterPattern().Replace(Template, m => valueOf(m.Groups["name"].Value));

    public override string ToString() => $"{Method} {Template} ({Name})";

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex ParameterPattern();
}
