using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// What a browser does with the web console over HTTP: a client that keeps cookies, the antiforgery token from
/// <c>GET /console/session</c>, and the login form's call. It can move to another server with its cookies and token, as a
/// browser does when a server restarts or a load balancer picks another one.
/// </summary>
internal sealed class ConsoleBrowserSession : IDisposable
{
    public const string AntiforgeryHeader = "X-Owlmetry-Antiforgery";
    public const string Password = "correct horse battery staple";

    private readonly CookieContainer _cookies;
    private readonly Uri _baseAddress;

    private ConsoleBrowserSession(OwlmetryServerFactory server, CookieContainer cookies, Uri baseAddress)
    {
        _cookies = cookies;
        _baseAddress = baseAddress;
        Client = server.CreateDefaultClient(baseAddress, new CookieContainerHandler(cookies));
    }

    public HttpClient Client { get; }

    public string? AntiforgeryToken { get; private set; }

    public static async Task<ConsoleBrowserSession> OpenAsync(OwlmetryServerFactory factory, bool https = false)
    {
        var session = new ConsoleBrowserSession(factory, new CookieContainer(), new Uri(https ? "https://localhost" : "http://localhost"));
        await session.RefreshTokenAsync();
        return session;
    }

    /// <summary>The same cookies and antiforgery token, sent to <paramref name="server"/>.</summary>
    public ConsoleBrowserSession MoveTo(OwlmetryServerFactory server) => new(server, _cookies, _baseAddress) { AntiforgeryToken = AntiforgeryToken };

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
