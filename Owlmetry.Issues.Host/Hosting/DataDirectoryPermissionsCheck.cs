namespace Owlmetry.Issues.Host.Hosting;

/// <summary>
/// Warns at start when the data directory lets other users of the machine in: it holds the database, the token
/// secret and the initial credentials. The server creates it owner-only; one made by hand may not be.
/// </summary>
internal sealed partial class DataDirectoryPermissionsCheck(DataDirectory dataDirectory, ILogger<DataDirectoryPermissionsCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (dataDirectory.OpenToOthers() is { } mode)
        {
            LogOpenToOthers(logger, dataDirectory.Path, DataDirectory.Describe(mode));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "The data directory {Path} has mode {Mode}: other users of this machine may read or change its database and secrets. "
        + "Make it owner-only (chmod 700).")]
    private static partial void LogOpenToOthers(ILogger logger, string path, string mode);
}
