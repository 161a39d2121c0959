using Microsoft.Extensions.Options;
using Owlmetry.Issues.Host.Storage;

namespace Owlmetry.Issues.Host.Bootstrap;

/// <summary>Runs the bootstrap when the server starts; the host awaits it before it reports started.</summary>
internal sealed partial class BootstrapHostedService(
    DirectoryBootstrapper bootstrapper, IOptions<BootstrapOptions> options, IConfiguration configuration, ILogger<BootstrapHostedService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled && await bootstrapper.TryBootstrapAsync(cancellationToken) is { } credentials)
        {
            var store = ServerStorage.UsesPostgreSql(configuration) ? $"PostgreSQL {ServerStorage.DescribePostgreSql(configuration)}" : "data directory";
            LogBootstrapped(logger, store, credentials.UserEmail, bootstrapper.CredentialsPath);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Empty {Store}: created a team, the owner {Email}, a project, a backend app, a client key and an agent key. "
        + "Their credentials are in {Path}, readable only by this user; keep them somewhere safe and delete the file.")]
    private static partial void LogBootstrapped(ILogger logger, string store, string email, string path);
}
