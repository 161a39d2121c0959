using System.Security.Cryptography;
using System.Text;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Host.Observability;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.LiteDb;

namespace Owlmetry.Issues.Host.Backups;

/// <summary>
/// The secret that authorizes a backup of the running server, in the data directory's <c>backup-token</c> file
/// (owner-only), created at start. A backup holds every team's data and the token secret, so it is a right of
/// whoever may read the data directory, the server's operator, rather than of any team role. A server on in-memory
/// storage has no data directory to back up, and no token.
/// </summary>
internal sealed class BackupToken(DataDirectory dataDirectory, IIssueStore store) : IHostedService
{
    public const string FileName = "backup-token";

    private readonly Lazy<byte[]> _hash = new(() => Hash(ReadOrCreate(dataDirectory)));

    /// <summary>Whether an <c>Authorization</c> header carries the token, compared in constant time.</summary>
    public bool IsPresentedBy(string? authorization)
    {
        const string Scheme = "Bearer ";
        return authorization is not null
            && authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Hash(authorization[Scheme.Length..].Trim()), _hash.Value);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (MeasuredIssueStore.Beneath(store) is LiteDbIssueStore)
        {
            _ = _hash.Value;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The token in <paramref name="dataDirectory"/>, or null when the server has not created one there.</summary>
    public static string? TryRead(DataDirectory dataDirectory)
    {
        var path = dataDirectory.GetFilePath(FileName);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    private static string ReadOrCreate(DataDirectory dataDirectory)
    {
        if (TryRead(dataDirectory) is { Length: > 0 } stored)
        {
            return stored;
        }

        dataDirectory.EnsureExists();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return PrivateFile.TryCreate(dataDirectory.GetFilePath(FileName), token) ? token : TryRead(dataDirectory)!;
    }

    // Hashing first gives both sides one length, so the comparison says nothing about the token's.
    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
