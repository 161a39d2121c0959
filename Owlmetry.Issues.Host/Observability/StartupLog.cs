using System.Reflection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Host.Storage;

namespace Owlmetry.Issues.Host.Observability;

/// <summary>
/// What an operator needs from a start, once the server listens: the version, the storage (the LiteDB file, or the
/// PostgreSQL database and schema, never a password), the data directory, the addresses.
/// </summary>
internal sealed partial class StartupLog(
    IServer server, IHostApplicationLifetime lifetime, IConfiguration configuration, DataDirectory dataDirectory, ILogger<StartupLog> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            LogStarted(logger, Version, ServerStorage.Describe(configuration), dataDirectory.Path, addresses.Count == 0 ? "(none)" : string.Join(", ", addresses));
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Version =>
        typeof(StartupLog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    [LoggerMessage(Level = LogLevel.Information, Message = "Owlmetry Issues {Version} started; storage {Storage}; data directory {DataDirectory}; listening on {Addresses}")]
    private static partial void LogStarted(ILogger logger, string version, string storage, string dataDirectory, string addresses);
}
