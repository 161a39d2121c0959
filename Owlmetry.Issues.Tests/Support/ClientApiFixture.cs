using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Client;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// The HTTP API fixture with <see cref="OwlmetryIssuesClient"/>s on its server, registered as an application registers
/// them (<c>AddOwlmetryIssuesClient</c>), with the test server as the primary handler and retries a millisecond apart.
/// </summary>
public abstract class ClientApiFixture : HttpApiFixture
{
    private readonly List<ServiceProvider> _providers = [];

    [TearDown]
    public void DisposeClients()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        _providers.Clear();
    }

    /// <summary>A client sending <paramref name="bearer"/>; <paramref name="configure"/> adds handlers or changes options.</summary>
    private protected OwlmetryIssuesClient ClientFor(
        string? bearer, Action<IHttpClientBuilder>? configure = null, Action<OwlmetryIssuesClientOptions>? options = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddOwlmetryIssuesClient(o =>
            {
                o.BaseAddress = Factory.Server.BaseAddress;
                o.ApiKey = bearer;
                o.RetryDelay = TimeSpan.FromMilliseconds(1);
                options?.Invoke(o);
            })
            .ConfigurePrimaryHttpMessageHandler(() => Factory.Server.CreateHandler());
        configure?.Invoke(builder);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<OwlmetryIssuesClient>();
    }

}
