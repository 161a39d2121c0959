using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Client;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>A fresh server for each test, on in-memory storage unless a fixture says otherwise, with one team written into it.</summary>
public abstract class HttpApiFixture
{
    private protected OwlmetryServerFactory Factory { get; private set; } = null!;

    private protected HttpTeam Team { get; private set; } = null!;

    [SetUp]
    public async Task StartServerAsync()
    {
        Factory = CreateServer();
        Team = await HttpTeam.CreateAsync(Factory);
    }

    [TearDown]
    public void StopServer() => Factory.Dispose();

    private protected virtual OwlmetryServerFactory CreateServer() => new();

    /// <summary>A second team on the same server, to check that the first one's callers cannot reach it.</summary>
    private protected Task<HttpTeam> CreateOtherTeamAsync() => HttpTeam.CreateAsync(Factory, "Team B");

    /// <summary>The typed client on this test's server for <paramref name="bearer"/>: how a test calls the API when its subject is not the wire.</summary>
    private protected OwlmetryIssuesClient ClientFor(
        string? bearer, Action<IHttpClientBuilder>? configure = null, Action<OwlmetryIssuesClientOptions>? options = null) =>
        Factory.CreateApiClient(bearer, configure, options);

    /// <summary>OK and no error when <paramref name="call"/> succeeds, else the status and error the server refused it with.</summary>
    private protected static async Task<(HttpStatusCode Status, string? Error)> OutcomeAsync(Func<Task> call)
    {
        try
        {
            await call();
            return (HttpStatusCode.OK, null);
        }
        catch (OwlmetryApiException refused)
        {
            return (refused.StatusCode, refused.Error);
        }
    }

    /// <summary>
    /// Sends a request written as text, so that one parametrized test can cover several routes and bodies:
    /// <c>{team}</c>, <c>{project}</c> and <c>{app}</c> in the path and body stand for the ids of <see cref="Team"/>.
    /// </summary>
    private protected Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string? json)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), Fill(path))
        {
            Content = json is null ? null : new StringContent(Fill(json), Encoding.UTF8, "application/json"),
        };
        return client.SendAsync(request);
    }

    private protected string Fill(string text) =>
        text.Replace("{team}", Team.Team.Id.ToString(), StringComparison.Ordinal)
            .Replace("{project}", Team.Project.Id.ToString(), StringComparison.Ordinal)
            .Replace("{app}", Team.App.Id.ToString(), StringComparison.Ordinal);
}
