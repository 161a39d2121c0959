using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Host.Http.OpenApi;
using Owlmetry.Issues.Tests.Support;
using Snapshooter.NUnit;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>The server's routes are a contract: the manifest is pinned, and each route is documented in OpenAPI.</summary>
public sealed class EndpointManifestTests
{
    private OwlmetryServerFactory _factory = null!;

    [SetUp]
    public void SetUp() => _factory = new OwlmetryServerFactory();

    [TearDown]
    public void TearDown() => _factory.Dispose();

    [Test]
    public void Endpoints_Manifest()
    {
        Snapshot.Match(Routes().Select(r => $"{r.Method} {r.Pattern} ({r.Name})").Order(StringComparer.Ordinal).ToList());
    }

    [Test]
    public async Task OpenApi_EveryRoute_IsDocumentedWithItsResponses()
    {
        using var client = _factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();

        foreach (var (method, pattern, name) in Routes().Where(r => r.Pattern.StartsWith("/v1", StringComparison.Ordinal)))
        {
            var openApiPath = System.Text.RegularExpressions.Regex.Replace(pattern, ":[a-z]+}", "}");
            var operation = paths[openApiPath]?[method.ToLowerInvariant()];
            Assert.That(operation, Is.Not.Null, $"{method} {pattern} is missing from the OpenAPI document");
            Assert.That(operation!["operationId"]?.GetValue<string>(), Is.EqualTo(name), $"{method} {pattern}");
            Assert.That(operation["responses"]!.AsObject().Select(r => r.Key), Has.Some.StartsWith("2"), $"{method} {pattern} documents no success response");
            Assert.That(operation["responses"]!.AsObject().Select(r => r.Key), Does.Contain("405"), $"{method} {pattern} does not document 405");
        }
    }

    private IEnumerable<(string Method, string Pattern, string Name)> Routes() =>
        _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null && !IsDocumentation(e.RoutePattern.RawText!))
            .Select(e => (
                e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single(),
                "/" + e.RoutePattern.RawText!.Trim('/'),
                e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "(unnamed)"));

    /// <summary>The OpenAPI document and the reference page that renders it describe the API; they are not part of it.</summary>
    private static bool IsDocumentation(string route) =>
        route.StartsWith("/openapi", StringComparison.Ordinal) || route.StartsWith(OwlmetryOpenApi.ReferencePath + "/", StringComparison.Ordinal);
}
