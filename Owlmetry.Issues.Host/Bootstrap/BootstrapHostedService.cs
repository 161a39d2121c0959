using Microsoft.Extensions.Options;

namespace Owlmetry.Issues.Host.Bootstrap;

/// <summary>Runs the bootstrap when the server starts; the host awaits it before it reports started.</summary>
internal sealed partial class BootstrapHostedService(
    DirectoryBootstrapper bootstrapper, IOptions<BootstrapOptions> options, ILogger<BootstrapHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled && await bootstrapper.TryBootstrapAsync(cancellationToken) is { } credentials)
        {
            LogBootstrapped(logger, credentials.UserEmail, bootstrapper.CredentialsPath);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Empty data directory: created a team, the owner {Email}, a project, a backend app, a client key and an agent key. "
        + "Their credentials are in {Path}, readable only by this user; keep them somewhere safe and delete the file.")]
    private static partial void LogBootstrapped(ILogger logger, string email, string path);
}
