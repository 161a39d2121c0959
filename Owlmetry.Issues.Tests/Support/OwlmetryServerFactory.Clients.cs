using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Client;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// <see cref="OwlmetryIssuesClient"/>s on this server, registered as an application registers them
/// (<c>AddOwlmetryIssuesClient</c>), with the test server as the primary handler and retries a millisecond apart;
/// disposed with the server.
/// </summary>
internal sealed partial class OwlmetryServerFactory
{
    private readonly List<ServiceProvider> _apiClients = [];

    /// <summary>A client sending <paramref name="bearer"/> (none when null); <paramref name="configure"/> adds handlers, <paramref name="options"/> changes options.</summary>
    public OwlmetryIssuesClient CreateApiClient(
        string? bearer, Action<IHttpClientBuilder>? configure = null, Action<OwlmetryIssuesClientOptions>? options = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddOwlmetryIssuesClient(o =>
            {
                o.BaseAddress = Server.BaseAddress;
                o.ApiKey = bearer;
                o.RetryDelay = TimeSpan.FromMilliseconds(1);
                options?.Invoke(o);
            })
            .ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler());
        configure?.Invoke(builder);
        var provider = services.BuildServiceProvider();
        lock (_apiClients)
        {
            _apiClients.Add(provider);
        }

        return provider.GetRequiredService<OwlmetryIssuesClient>();
    }

    private void DisposeApiClients()
    {
        lock (_apiClients)
        {
            _apiClients.ForEach(provider => provider.Dispose());
            _apiClients.Clear();
        }
    }
}
