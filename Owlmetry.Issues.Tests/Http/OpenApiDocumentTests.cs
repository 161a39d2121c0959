using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>
/// The OpenAPI document is what an SDK author generates a client from: each check runs across the whole document
/// and names the operation or property that breaks it.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private static readonly string[] s_ingestEventFields =
    [
        "message", "level", "session_id", "client_event_id", "user_id", "source_module", "screen_name", "custom_attributes",
        "environment", "os_version", "app_version", "sdk_name", "sdk_version", "build_number", "device_model", "is_dev", "timestamp",
    ];

    private OwlmetryServerFactory _factory = null!;
    private JsonNode _document = null!;

    [OneTimeSetUp]
    public async Task FetchDocumentAsync()
    {
        _factory = new OwlmetryServerFactory();
        using var client = _factory.CreateClient();
        _document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
    }

    [OneTimeTearDown]
    public void StopServer() => _factory.Dispose();

    [Test]
    public void EveryOperation_HasASummary()
    {
        var missing = Operations().Where(o => string.IsNullOrWhiteSpace(o.Operation["summary"]?.GetValue<string>())).Select(o => o.Name).ToList();

        Assert.That(missing, Is.Empty, "operations without a summary");
    }

    [Test]
    public void EveryAuthorizedOperation_RequiresTheBearerScheme_AndNoAnonymousOneDoes()
    {
        var authorized = AuthorizedEndpointNames();
        Assert.That(_document["components"]?["securitySchemes"]?["bearer"]?["scheme"]?.GetValue<string>(), Is.EqualTo("bearer"));

        Assert.Multiple(() =>
        {
            foreach (var (name, operation) in Operations())
            {
                var schemes = (operation["security"]?.AsArray() ?? []).SelectMany(r => r!.AsObject().Select(s => s.Key)).ToList();
                if (authorized.Contains(name))
                {
                    Assert.That(schemes, Is.EqualTo(new[] { "bearer" }), $"{name} is authorized but does not require the bearer scheme");
                }
                else
                {
                    Assert.That(schemes, Does.Not.Contain("bearer"), $"{name} is anonymous but requires the bearer scheme");
                }
            }
        });
        Assert.That(authorized, Has.Count.GreaterThan(30).And.No.Contains("Login").And.No.Contains("Health"));
    }

    [Test]
    public void ProblemSchema_HasARequiredStringError()
    {
        var problem = Schema("ProblemDetails");

        Assert.That(problem["properties"]?["error"]?["type"]?.GetValue<string>(), Is.EqualTo("string"));
        Assert.That(problem["required"]?.AsArray().Select(r => r!.GetValue<string>()), Does.Contain("error"));
    }

    [Test]
    public void ProblemSchema_HasTheOptionalCodeAndMessageOfAttachmentRejections()
    {
        var problem = Schema("ProblemDetails");

        Assert.That(problem["properties"]?["code"]?["type"]?.GetValue<string>(), Is.EqualTo("string"), "code");
        Assert.That(problem["properties"]?["message"]?["type"]?.GetValue<string>(), Is.EqualTo("string"), "message");
        Assert.That(Names(problem["required"]), Has.No.Member("code").And.No.Member("message"), "only some refusals carry them");
    }

    [Test]
    public void DownloadAttachment_DocumentsTheReferences401AndNoLonger400403Or410()
    {
        var statuses = Operation("DownloadAttachment")["responses"]!.AsObject().Select(r => r.Key);

        Assert.That(statuses, Is.SupersetOf(new[] { "200", "401", "404", "429" }).And.No.Member("400").And.No.Member("403").And.No.Member("410"));
    }

    [Test]
    public void DeleteAttachment_AnswersOk()
    {
        var schema = Resolve(Operation("DeleteAttachment")["responses"]!["200"]!["content"]!["application/json"]!["schema"]!);

        Assert.That(schema["properties"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "ok" }));
    }

    [Test]
    public void EveryErrorResponse_IsTheProblemSchema_AndOperationsDeclareTheirRefusals()
    {
        var authorized = AuthorizedEndpointNames();

        Assert.Multiple(() =>
        {
            foreach (var (name, operation) in Operations())
            {
                var responses = operation["responses"]!.AsObject();
                foreach (var (status, response) in responses.Where(r => r.Key.StartsWith('4')))
                {
                    Assert.That(
                        response?["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>(),
                        Is.EqualTo("#/components/schemas/ProblemDetails"),
                        $"{name} {status} is not a problem");
                }

                var statuses = responses.Select(r => r.Key).ToList();
                if (authorized.Contains(name))
                {
                    Assert.That(statuses, Does.Contain("401"), $"{name} is authorized but does not document 401");
                }

                if (operation["requestBody"] is not null)
                {
                    Assert.That(statuses, Does.Contain("400"), $"{name} takes a body but does not document 400");
                }

                if ((operation["parameters"]?.AsArray() ?? []).Any(p => p!["in"]!.GetValue<string>() == "path"))
                {
                    Assert.That(statuses, Does.Contain("404"), $"{name} names a resource in its path but does not document 404");
                }
            }
        });
    }

    [Test]
    public void IngestBody_IsAnEventsArrayWhoseItemsHaveTheKnownFields()
    {
        var body = Resolve(Operation("Ingest")["requestBody"]!["content"]!["application/json"]!["schema"]!);
        var events = body["properties"]?["events"];
        var item = Resolve(events?["items"] ?? new JsonObject());

        Assert.That(events?["type"]?.GetValue<string>(), Is.EqualTo("array"), "ingest's events");
        Assert.That(events?["maxItems"]?.GetValue<int>(), Is.EqualTo(EventRules.MaxBatchSize), "ingest's events");
        Assert.That(Names(body["required"]), Is.EqualTo(new[] { "events" }), "ingest's required members");
        Assert.That(item["properties"]?.AsObject().Select(p => p.Key), Is.EquivalentTo(s_ingestEventFields), "an ingested event's fields");
        Assert.That(Names(item["required"]), Is.EquivalentTo(new[] { "message", "level", "session_id" }), "an ingested event's required fields");
        Assert.That(item["properties"]?["message"]?["maxLength"]?.GetValue<int>(), Is.EqualTo(EventRules.MaxMessageLength), "message");
        Assert.That(EnumOf(item["properties"]?["level"]), Is.EqualTo(EventRules.Levels), "level");
    }

    [Test]
    public void UploadAttachmentBody_IsRawBytes()
    {
        var content = Operation("UploadAttachment")["requestBody"]?["content"]?["application/octet-stream"];

        Assert.That(content?["schema"]?["format"]?.GetValue<string>(), Is.EqualTo("binary"));
    }

    [Test]
    public void IssueStatus_IsAnEnumOfTheWireNames_WhereverItAppears()
    {
        string[] wireNames = ["new", "in_progress", "resolved", "silenced", "regressed", "snoozed"];
        var statusParameter = Parameters("ListProjectIssues").Single(p => p["name"]!.GetValue<string>() == "status");

        Assert.Multiple(() =>
        {
            Assert.That(Schema("IssueStatus")["type"]?.GetValue<string>(), Is.EqualTo("string"), "IssueStatus");
            Assert.That(EnumOf(Schema("IssueStatus")), Is.EqualTo(wireNames), "IssueStatus");
            Assert.That(EnumOf(Schema("IssueResponse")["properties"]?["status"]), Is.EqualTo(wireNames), "IssueResponse.status");
            Assert.That(EnumOf(Schema("IssueDetailResponse")["properties"]?["status"]), Is.EqualTo(wireNames), "IssueDetailResponse.status");
            Assert.That(EnumOf(Schema("UpdateIssueRequest")["properties"]?["status"]), Is.EqualTo(wireNames), "UpdateIssueRequest.status");
            Assert.That(EnumOf(statusParameter["schema"]), Is.EqualTo(wireNames), "ListProjectIssues?status");
        });
    }

    [Test]
    public void SortsClaimsDataModesAndPermissions_AreEnumsOfTheWireNames()
    {
        Assert.Multiple(() =>
        {
            Assert.That(EnumOf(QueryParameter("ListTeamIssues", "sort")["schema"]), Is.EqualTo(WireNames.All<IssueSort>()), "ListTeamIssues?sort");
            Assert.That(EnumOf(QueryParameter("ListProjectIssues", "claim")["schema"]), Is.EqualTo(new[] { "mine", "held", "none" }), "ListProjectIssues?claim");
            Assert.That(EnumOf(QueryParameter("ListTeamIssues", "claim")["schema"]), Is.EqualTo(new[] { "mine", "held", "none" }), "ListTeamIssues?claim");
            Assert.That(EnumOf(QueryParameter("ListEvents", "order")["schema"]), Is.EqualTo(new[] { "desc", "asc" }), "ListEvents?order");
            Assert.That(EnumOf(QueryParameter("ListEvents", "data_mode")["schema"]), Is.EqualTo(WireNames.All<DataMode>()), "ListEvents?data_mode");
            Assert.That(EnumOf(Schema("ProjectResponse")["properties"]?["issue_alert_frequency"]), Is.EqualTo(Host.Directory.IssueAlertFrequencies.All), "ProjectResponse.issue_alert_frequency");
            Assert.That(
                EnumOf(Schema("CreateApiKeyRequest")["properties"]?["permissions"]?["items"]),
                Is.EqualTo(Host.Directory.ApiKeyPermissions.All),
                "CreateApiKeyRequest.permissions");
        });
    }

    [Test]
    public void NumericQueryParameters_AreIntegers()
    {
        var numeric = Operations()
            .SelectMany(o => Parameters(o.Name).Select(p => (o.Name, Parameter: p)))
            .Where(p => p.Parameter["name"]!.GetValue<string>() is "limit" or "occurrence_limit")
            .ToList();

        Assert.That(numeric, Has.Count.GreaterThanOrEqualTo(6));
        Assert.Multiple(() =>
        {
            foreach (var (name, parameter) in numeric)
            {
                Assert.That(parameter["schema"]?["type"]?.ToJsonString(), Is.EqualTo("\"integer\""), $"{name}?{parameter["name"]}");
            }
        });
    }

    [Test]
    public void NoRequestProperty_IsBothRequiredAndNullable()
    {
        var bodies = Operations()
            .Select(o => (o.Name, Schema: o.Operation["requestBody"]?["content"]?["application/json"]?["schema"]))
            .Where(b => b.Schema is not null)
            .ToList();

        Assert.That(bodies, Has.Count.GreaterThan(10));
        Assert.Multiple(() =>
        {
            foreach (var (name, schema) in bodies)
            {
                var body = Resolve(schema!);
                foreach (var required in Names(body["required"]))
                {
                    var property = body["properties"]?[required];
                    Assert.That(property, Is.Not.Null, $"{name}: required {required} is not a property");
                    Assert.That(IsNullable(property!), Is.False, $"{name}: {required} is required and nullable");
                }
            }
        });
    }

    private IEnumerable<(string Name, JsonNode Operation)> Operations() =>
        _document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject())
            .Select(operation => (operation.Value!["operationId"]?.GetValue<string>() ?? operation.Key, operation.Value!));

    private JsonNode Operation(string name) => Operations().Single(o => o.Name == name).Operation;

    private IEnumerable<JsonNode> Parameters(string operation) => (Operation(operation)["parameters"]?.AsArray() ?? []).Select(p => p!);

    private JsonNode QueryParameter(string operation, string name) =>
        Parameters(operation).Single(p => p["name"]!.GetValue<string>() == name && p["in"]!.GetValue<string>() == "query");

    private JsonNode Schema(string name) =>
        _document["components"]?["schemas"]?[name] ?? throw new AssertionException($"No schema {name} in the document");

    private JsonNode Resolve(JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference ? Schema(reference["#/components/schemas/".Length..]) : schema;

    /// <summary>The names of a string enum, inline or referenced, and nullable or not.</summary>
    private List<string> EnumOf(JsonNode? schema)
    {
        var nonNull = schema?["oneOf"]?.AsArray().Select(s => s!).FirstOrDefault(s => !IsNullable(s)) ?? schema;
        return nonNull is null ? [] : Names(Resolve(nonNull)["enum"]);
    }

    private static bool IsNullable(JsonNode schema) =>
        schema["type"] switch
        {
            JsonArray types => types.Any(t => t!.GetValue<string>() == "null"),
            JsonValue type => type.GetValue<string>() == "null",
            _ => (schema["oneOf"]?.AsArray() ?? []).Any(s => IsNullable(s!)),
        };

    private static List<string> Names(JsonNode? array) => [.. (array?.AsArray() ?? []).Select(n => n?.GetValue<string>() ?? "null")];

    private HashSet<string> AuthorizedEndpointNames() =>
        _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
}
