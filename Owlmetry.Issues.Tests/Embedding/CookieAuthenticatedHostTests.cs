using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Embedding;

/// <summary>
/// A browser application whose scheme is a policy scheme forwarding to cookie authentication with a login page: the
/// API's routes and its MCP endpoint answer a challenge or a forbid with the API's problem, not the login page.
/// </summary>
public sealed class CookieAuthenticatedHostTests
{
    private const string ShopScheme = "Shop";
    private const string TrackerRole = "tracker";

    private WebApplication _app = null!;
    private HttpClient _client = null!;

    [SetUp]
    public async Task SetUp()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        var tenants = new ShopTenants();
        tenants.Users["jane"] = (Guid.NewGuid(), Guid.NewGuid(), TeamRole.Admin);
        builder.Services.AddSingleton(tenants);
        builder.Services.AddAuthentication(ShopScheme)
            .AddPolicyScheme(ShopScheme, "The shop's browser sessions", o => o.ForwardDefault = CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/Account/Login";
                o.AccessDeniedPath = "/Account/AccessDenied";
            });
        builder.Services.AddOwlmetryIssuesApi(o => o.AuthenticationScheme = ShopScheme).AddMcp();
        builder.Services.AddSingleton<IActorResolver, ShopActorResolver>();

        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapPost("/Account/Login", (HttpContext http) => http.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "jane")], CookieAuthenticationDefaults.AuthenticationScheme))));
        _app.MapGet("/shop/orders", () => "the user's orders").RequireAuthorization();
        // The shop lets only its trackers use the API: a convention of its own on the API's routes.
        _app.MapOwlmetryIssues("/v1").RequireAuthorization(p => p.RequireRole(TrackerRole));
        _app.MapOwlmetryIssuesMcp("/mcp");
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    [TearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [TestCase("POST", "/mcp", HttpStatusCode.Unauthorized)]
    [TestCase("GET", "/v1/issues", HttpStatusCode.Unauthorized)]
    public async Task ApiRoutes_WithoutSession_AnswerTheProblem_NotTheLoginPage(string method, string path, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await _client.SendAsync(request);

        await AssertProblemWithoutLocationAsync(response, status);
    }

    [Test]
    public async Task ApiRoutes_SessionWithoutTheHostsRole_AnswerTheProblem_NotTheAccessDeniedPage()
    {
        using var login = await _client.PostAsync("/Account/Login", null);
        _client.DefaultRequestHeaders.Add("Cookie", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        using var response = await _client.GetAsync("/v1/issues");

        await AssertProblemWithoutLocationAsync(response, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task HostRoutes_WithoutSession_KeepTheLoginRedirect()
    {
        using var response = await _client.GetAsync("/shop/orders");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/Account/Login"), "the shop's own pages keep the shop's login");
    }

    private static async Task AssertProblemWithoutLocationAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.That(response.StatusCode, Is.EqualTo(status), $"redirected to {response.Headers.Location}");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await response.ErrorAsync(), Is.Not.Null, "the problem's error member");
        Assert.That(response.Headers.Location, Is.Null, "a Location header names the host's login or access-denied page to an API client");
    }
}
