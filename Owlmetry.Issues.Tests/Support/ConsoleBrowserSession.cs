using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// What a browser does with the web console over HTTP: a client that keeps cookies, the antiforgery token from
/// <c>GET /console/session</c>, and the login form's call.
/// </summary>
internal sealed class ConsoleBrowserSession : IDisposable
{
    public const string AntiforgeryHeader = "X-Owlmetry-Antiforgery";
    public const string Password = "correct horse battery staple";

    private ConsoleBrowserSession(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public string? AntiforgeryToken { get; private set; }

    public static async Task<ConsoleBrowserSession> OpenAsync(OwlmetryServerFactory factory, bool https = false)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
            HandleCookies = true,
            AllowAutoRedirect = false,
        });
        var session = new ConsoleBrowserSession(client);
        await session.RefreshTokenAsync();
        return session;
    }

    public async Task<JsonNode> RefreshTokenAsync()
    {
        var body = JsonNode.Parse(await Client.GetStringAsync("/console/session"))!;
        AntiforgeryToken = body["antiforgery_token"]!.GetValue<string>();
        return body;
    }

    /// <summary>Logs in with the login form's call and takes the signed-in session's antiforgery token.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string email, string password = Password)
    {
        var response = await SendAsync(HttpMethod.Post, "/console/login", new { email, password });
        if (response.IsSuccessStatusCode)
        {
            await RefreshTokenAsync();
        }

        return response;
    }

    /// <summary>A call as the console's script makes it: the session cookie, and the antiforgery header unless left out.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, bool antiforgery = true)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (antiforgery && AntiforgeryToken is not null)
        {
            request.Headers.Add(AntiforgeryHeader, AntiforgeryToken);
        }

        return Client.SendAsync(request);
    }

    public void Dispose() => Client.Dispose();
}
