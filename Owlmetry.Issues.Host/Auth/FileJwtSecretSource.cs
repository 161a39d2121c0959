using Owlmetry.Issues.Host.Hosting;

namespace Owlmetry.Issues.Host.Auth;

/// <summary>
/// The secret in a file of the data directory, for a server on LiteDB. A new secret is written when the server starts,
/// not when the settings are read and checked: a start refused for another setting leaves an empty data directory empty.
/// </summary>
internal sealed class FileJwtSecretSource(DataDirectory dataDirectory) : IJwtSecretSource, IHostedService
{
    private readonly Lazy<(string Secret, bool Stored)> _secret = new(() =>
        JwtSecretFile.TryRead(dataDirectory) is { } stored ? (stored, true) : (JwtSecretFile.Generate(), false));

    public string ReadOrCreate() => _secret.Value.Secret;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var (secret, stored) = _secret.Value;
        if (!stored)
        {
            JwtSecretFile.Store(dataDirectory, secret);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
