using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Server;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Tests.Mcp;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Embedding;

/// <summary>
/// An existing ASP.NET Core application that mounts the Issues API into its own pipeline: its own routes, its own
/// authentication and users, in-memory issue storage and its own project directory.
/// </summary>
public sealed class EmbeddedApiTests
{
    private static readonly Guid s_tenant = Guid.NewGuid();
    private static readonly Guid s_project = Guid.NewGuid();
    private static readonly Guid s_app = Guid.NewGuid();

    private WebApplication _app = null!;
    private HttpClient _client = null!;

    [SetUp]
    public async Task SetUp() => (_app, _client) = await StartShopAsync("/v1");

    /// <summary>The shop: its own routes and authentication, the Issues API mounted with the two calls under <paramref name="prefix"/>.</summary>
    private static async Task<(WebApplication App, HttpClient Client)> StartShopAsync(string prefix)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        var tenants = new ShopTenants();
        tenants.Users["jane"] = (Guid.NewGuid(), s_tenant, TeamRole.Admin);
        tenants.Users["mallory"] = (Guid.NewGuid(), Guid.NewGuid(), TeamRole.Owner);
        builder.Services.AddSingleton(tenants);
        builder.Services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, null);

        // The two calls (services, then routes), plus the host's own mapping of its users to actors.
        builder.Services.AddOwlmetryIssuesApi(o => o.AuthenticationScheme = HeaderAuthenticationHandler.SchemeName).AddMcp();
        builder.Services.AddSingleton<IActorResolver, ShopActorResolver>();
        builder.Services.AddMcpServer().WithTools([typeof(ShopTools)]);
        builder.Services.AddExceptionHandler<ShopExceptionHandler>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/shop/ping", () => "pong");
        app.MapGet("/shop/orders", () => "the user's orders").RequireAuthorization();
        app.MapGet("/v1/shop-orders", () => "the user's orders, beside the Issues API").RequireAuthorization();
        app.MapGet("/shop/customer", () => ShopCustomer.Ann);
        app.MapPost("/shop/customer", (ShopCustomer customer) => customer);
        app.MapGet("/shop/crash", string () => throw new InvalidOperationException("The shop's own bug"));
        app.MapOwlmetryIssues(prefix);
        app.MapOwlmetryIssuesMcp("/mcp");

        var directory = app.Services.GetRequiredService<InMemoryIssueDirectory>();
        directory.AddProject(new ProjectInfo(s_project, s_tenant, "Shop"));
        directory.AddApp(new AppInfo(s_app, s_project, "Shop backend"));
        var ingested = await app.Services.GetRequiredService<EventIngestor>().IngestAsync(
            new IngestSource(s_app, s_project, "backend"),
            [new IncomingEvent { Message = "Checkout failed", Level = "error", SessionId = Guid.NewGuid().ToString() }]);
        Assert.That(ingested.Value.Accepted, Is.EqualTo(1));
        await app.Services.GetRequiredService<IssueScanner>().ScanAsync();

        await app.StartAsync();
        return (app, app.GetTestClient());
    }

    [TearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task IssuesApi_AppsOwnUser_ListsAndTriagesIssues()
    {
        _client.DefaultRequestHeaders.Add("X-User", "jane");

        var page = JsonNode.Parse(await _client.GetStringAsync($"/v1/projects/{s_project}/issues"))!;
        var issueId = page["issues"]![0]!["id"]!.GetValue<string>();
        var resolved = await _client.PatchAsJsonAsync($"/v1/projects/{s_project}/issues/{issueId}", new { status = "resolved", resolved_at_version = "3.2.1" });
        var comment = await _client.PostAsJsonAsync($"/v1/projects/{s_project}/issues/{issueId}/comments", new { body = "fixed in 3.2.1" });

        Assert.That(page["issues"]![0]!["title"]!.GetValue<string>(), Is.EqualTo("Checkout failed"));
        Assert.That(page["issues"]![0]!["app_name"]!.GetValue<string>(), Is.EqualTo("Shop backend"));
        Assert.That(resolved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await resolved.Content.ReadAsStringAsync());
        Assert.That(comment.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(JsonNode.Parse(await comment.Content.ReadAsStringAsync())!["author_name"]!.GetValue<string>(), Is.EqualTo("jane"));
        Assert.That(comment.Headers.Location?.OriginalString, Does.StartWith($"/v1/projects/{s_project}/issues/{issueId}/comments/"));
    }

    [Test]
    public async Task IssuesApi_AppsOwnUser_SeesItsTeamsIssuesAcrossProjects()
    {
        _client.DefaultRequestHeaders.Add("X-User", "jane");

        var page = JsonNode.Parse(await _client.GetStringAsync("/v1/issues"))!;

        Assert.That(page["issues"]!.AsArray().Select(i => i!["project_id"]!.GetValue<string>()), Is.EqualTo(new[] { s_project.ToString() }));
    }

    [Test]
    public async Task IssuesApi_UserOfAnotherTenant_CannotTriageOrSeeTeamIssues()
    {
        _client.DefaultRequestHeaders.Add("X-User", "jane");
        var issueId = JsonNode.Parse(await _client.GetStringAsync($"/v1/projects/{s_project}/issues"))!["issues"]![0]!["id"]!.GetValue<string>();
        _client.DefaultRequestHeaders.Remove("X-User");
        _client.DefaultRequestHeaders.Add("X-User", "mallory");

        var patch = await _client.PatchAsJsonAsync($"/v1/projects/{s_project}/issues/{issueId}", new { status = "resolved", resolved_at_version = "1.0" });
        var teamList = JsonNode.Parse(await _client.GetStringAsync("/v1/issues"))!;
        var jobs = await _client.GetAsync($"/v1/teams/{s_tenant}/jobs");

        Assert.That(patch.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(teamList["issues"]!.AsArray(), Is.Empty);
        Assert.That(jobs.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task IssuesApi_AppsOwnUser_IsNotAClientKey_SoIngestIsForbidden()
    {
        _client.DefaultRequestHeaders.Add("X-User", "jane");

        var response = await _client.PostAsJsonAsync("/v1/ingest", new { events = new[] { new { message = "x", level = "error", session_id = Guid.NewGuid() } } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), Is.EqualTo(IngestAccess.EventsClientKeyRequired));
    }

    [Test]
    public async Task MapOwlmetryIssues_AnotherPrefix_ServesTheApiAndItsLinksThere()
    {
        var (app, client) = await StartShopAsync("/api/issue-tracking");
        await using (app)
        using (client)
        {
            client.DefaultRequestHeaders.Add("X-User", "jane");

            var page = JsonNode.Parse(await client.GetStringAsync($"/api/issue-tracking/projects/{s_project}/issues"))!;
            var issueId = page["issues"]![0]!["id"]!.GetValue<string>();
            var comment = await client.PostAsJsonAsync($"/api/issue-tracking/projects/{s_project}/issues/{issueId}/comments", new { body = "seen" });
            var unprefixed = await client.GetAsync($"/v1/projects/{s_project}/issues");

            Assert.That(comment.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(comment.Headers.Location?.OriginalString, Does.StartWith($"/api/issue-tracking/projects/{s_project}/issues/{issueId}/comments/"));
            Assert.That(unprefixed.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    // The problems the Owlmetry server's status code pages write, without the per-request trace id.
    [TestCase("GET", "/v1/issues", null, 401, """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.2","title":"Unauthorized","status":401,"error":"Unauthorized"}""")]
    [TestCase("DELETE", "/v1/issues", "jane", 405, """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.6","title":"Method Not Allowed","status":405,"error":"Method Not Allowed"}""")]
    [TestCase("POST", "/mcp", null, 401, """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.2","title":"Unauthorized","status":401,"error":"Unauthorized"}""")]
    [TestCase("GET", "/v1/nothing-here", "jane", 404, """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Not Found","status":404,"error":"Not Found"}""")]
    public async Task IssuesApi_StatusCodeWithoutBody_AnswersTheServersProblem(string method, string path, string? user, int status, string expected)
    {
        if (user is not null)
        {
            _client.DefaultRequestHeaders.Add("X-User", user);
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await _client.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), "the API's problem, as the Owlmetry server answers");
        var body = (await response.JsonAsync()).AsObject();
        body.Remove("traceId");   // named by the shop's JSON, as on the API's other problems in the shop
        Assert.That(body.ToJsonString(), Is.EqualTo(expected));
    }

    [TestCase("GET", "/shop/orders", 401)]
    [TestCase("DELETE", "/shop/ping", 405)]
    [TestCase("GET", "/shop/nothing-here", 404)]
    [TestCase("GET", "/v1/shop-orders", 401)]
    public async Task HostRoutes_StatusCodeWithoutBody_StayWithoutBody(string method, string path, int status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await _client.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty, "the shop answers its own routes as it configured them");
    }

    [Test]
    public async Task IssuesApi_UserOfAnotherTenant_SeesNothing()
    {
        _client.DefaultRequestHeaders.Add("X-User", "mallory");

        var response = await _client.GetAsync($"/v1/projects/{s_project}/issues");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), Is.EqualTo("Project not found"));
    }

    [Test]
    public async Task HostRoutes_StillServed_AndServerOnlyRoutesAbsent()
    {
        _client.DefaultRequestHeaders.Add("X-User", "jane");

        var ping = await _client.GetStringAsync("/shop/ping");
        var login = await _client.PostAsJsonAsync("/v1/auth/login", new { email = "a@b.c", password = "x" });

        Assert.That(ping, Is.EqualTo("pong"));
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the directory API belongs to the self-hosted server only");
    }

    [Test]
    public async Task HostRoutes_KeepTheHostsJson_WhileTheApiKeepsItsOwn()
    {
        _client.DefaultRequestHeaders.Add("X-User", "jane");

        var customer = await _client.GetStringAsync("/shop/customer");
        var echoed = await _client.PostAsync("/shop/customer", new StringContent(ShopCustomer.AnnJson, Encoding.UTF8, "application/json"));
        var page = JsonNode.Parse(await _client.GetStringAsync($"/v1/projects/{s_project}/issues"))!;
        var issue = page["issues"]![0]!;
        var nul = await _client.PatchAsync(
            $"/v1/projects/{s_project}/issues/{issue.Text("id")}",
            new StringContent("{\"status\":\"resolved\",\"resolved_at_version\":\"1.0\\u0000\"}", Encoding.UTF8, "application/json"));

        Assert.That(customer, Is.EqualTo(ShopCustomer.AnnJson), "the shop's GET answers in the shop's JSON");
        Assert.That(await echoed.Content.ReadAsStringAsync(), Is.EqualTo(ShopCustomer.AnnJson), "the shop's POST binds the shop's JSON");
        Assert.That(issue.Text("app_name"), Is.EqualTo("Shop backend"), "the API answers snake_case in the same application");
        Assert.That(issue.Text("first_seen_at"), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"), "the API's UTC timestamps with milliseconds");
        Assert.That(nul.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await nul.Content.ReadAsStringAsync());
        Assert.That(await nul.ErrorAsync(), Is.EqualTo("Invalid JSON body at $.resolved_at_version: a string contains the NUL character (U+0000)"));
    }

    [Test]
    public async Task HostsExceptionHandler_RegisteredAfterTheApis_HandlesTheHostsRoutes_TheApiKeepsItsProblems()
    {
        _client.DefaultRequestHeaders.Add("X-User", "jane");

        var crash = await _client.GetAsync("/shop/crash");
        var badBody = await _client.PostAsync("/shop/customer", new StringContent("{\"firstName\":", Encoding.UTF8, "application/json"));
        var apiBadBody = await _client.PatchAsync($"/v1/projects/{s_project}/issues/{Guid.NewGuid()}", new StringContent("{\"status\":", Encoding.UTF8, "application/json"));

        Assert.That((crash.StatusCode, await crash.Content.ReadAsStringAsync()), Is.EqualTo((HttpStatusCode.ServiceUnavailable, ShopExceptionHandler.Apology)));
        Assert.That((badBody.StatusCode, await badBody.Content.ReadAsStringAsync()), Is.EqualTo((HttpStatusCode.BadRequest, string.Empty)),
            "the shop's bad body gets the framework's answer: ThrowOnBadRequest is the API's alone");
        Assert.That(apiBadBody.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await apiBadBody.ErrorAsync(), Does.StartWith("Invalid JSON body"), "the API's bad body gets the API's problem");
    }

    [Test]
    public void MapOwlmetryIssues_Twice_ThrowsAtMapTimeNamingTheFirstPrefix()
    {
        Assert.That(() => _app.MapOwlmetryIssues("/api"), Throws.InvalidOperationException.With.Message.Contains("mapped already, under '/v1'"));
    }

    [Test]
    public async Task Mcp_AppsOwnToolOnTheSameEndpoint_ServedBesideTheIssueTools_ItsArgumentsLeftToTheSdk()
    {
        _client.DefaultRequestHeaders.Add("X-User", "jane");
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(_client.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp }, _client);
        await using var mcp = await McpClient.CreateAsync(transport);

        var tools = (await mcp.ListToolsAsync()).Select(t => t.Name).ToList();
        var issues = await mcp.CallAsync("list_issues", new() { ["project_id"] = s_project.ToString() });
        var badLimit = await mcp.CallAsync("list_issues", new() { ["project_id"] = s_project.ToString(), ["limit"] = "ten" });
        var refund = await mcp.CallAsync("refund_order", new() { ["order_number"] = 42 });
        var badRefund = await mcp.CallAsync("refund_order", new() { ["order_number"] = "ten" });

        Assert.That(tools, Does.Contain("refund_order").And.Contain("list_issues"), "one endpoint serves both the shop's tools and the Issues tools");
        Assert.That(issues.IsError, Is.False, issues.Text);
        Assert.That(issues.Text, Does.Contain("Checkout failed"), "the shop's user lists its issues");
        Assert.That(badLimit, Is.EqualTo(("limit must be an integer", true)), "the Issues tools name a wrong argument");
        Assert.That(refund, Is.EqualTo(("Order 42 refunded.", false)));
        Assert.That(badRefund, Is.EqualTo(("An error occurred invoking 'refund_order'.", true)), "the shop's own tool keeps the SDK's answer");
    }

    [McpServerToolType]
    private static class ShopTools
    {
        [McpServerTool(Name = "refund_order")]
        [System.ComponentModel.Description("Refunds one of the shop's orders.")]
        public static string RefundOrder(int order_number) => $"Order {order_number} refunded.";
    }
}
