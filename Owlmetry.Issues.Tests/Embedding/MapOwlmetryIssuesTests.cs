using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.AspNetCore.Auth;

namespace Owlmetry.Issues.Tests.Embedding;

/// <summary>An application that forgot a registration learns it when it maps the API, not from a 500 at its first request.</summary>
public sealed class MapOwlmetryIssuesTests
{
    [Test]
    public async Task WithoutAddOwlmetryIssuesApi_ThrowsNamingTheCall()
    {
        await using var app = Application(_ => { });

        Assert.That(() => app.MapOwlmetryIssues("/v1"), Throws.InvalidOperationException.With.Message.Contains("services.AddOwlmetryIssuesApi("));
    }

    [Test]
    public async Task WithoutActorResolver_ThrowsNamingTheRegistration()
    {
        await using var app = Application(services => services.AddOwlmetryIssuesApi());

        Assert.That(
            () => app.MapOwlmetryIssues("/v1"),
            Throws.InvalidOperationException.With.Message.Contains("register an IActorResolver that maps your users to actors: services.AddSingleton<IActorResolver, …>()"));
    }

    [Test]
    public async Task McpWithoutAddMcp_ThrowsNamingTheCall()
    {
        await using var app = Application(services => services.AddOwlmetryIssuesApi());

        Assert.That(
            () => app.MapOwlmetryIssuesMcp("/mcp"),
            Throws.InvalidOperationException.With.Message.EqualTo(
                "MapOwlmetryIssuesMcp needs the Issues API's MCP services: call services.AddOwlmetryIssuesApi(…).AddMcp() when building the application."));
    }

    [Test]
    public async Task UnregisteredAuthenticationScheme_ThrowsNamingTheOptionAndTheRegisteredSchemes()
    {
        await using var app = ApplicationWithScheme("Nope");

        Assert.That(() => app.MapOwlmetryIssues("/v1"), Throws.InvalidOperationException.With.Message.EqualTo(UnregisteredSchemeMessage));
        Assert.That(() => app.MapOwlmetryIssuesMcp("/mcp"), Throws.InvalidOperationException.With.Message.EqualTo(UnregisteredSchemeMessage));
    }

    [Test]
    public async Task RegisteredAuthenticationScheme_MapsTheApiAndMcp()
    {
        await using var app = ApplicationWithScheme(HeaderAuthenticationHandler.SchemeName);

        Assert.That(() => app.MapOwlmetryIssues("/v1"), Throws.Nothing);
        Assert.That(() => app.MapOwlmetryIssuesMcp("/mcp"), Throws.Nothing);
    }

    private const string UnregisteredSchemeMessage =
        $"OwlmetryIssuesApiOptions.AuthenticationScheme is 'Nope', but no authentication scheme of that name is registered; the registered schemes are: {HeaderAuthenticationHandler.SchemeName}.";

    private static WebApplication ApplicationWithScheme(string scheme) => Application(services =>
    {
        services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, null);
        services.AddOwlmetryIssuesApi(o => o.AuthenticationScheme = scheme).AddMcp();
        services.AddSingleton<ShopTenants>();
        services.AddSingleton<IActorResolver, ShopActorResolver>();
    });

    private static WebApplication Application(Action<IServiceCollection> services)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        services(builder.Services);
        return builder.Build();
    }
}
