using System.Security.Cryptography;
using Owlmetry.Issues.Host.Auth;

namespace Owlmetry.Issues.Host.Storage.PostgreSql;

/// <summary>
/// The secret in the database: the first server to start stores one, every other server reads it, so a token issued
/// by any server is accepted by all of them.
/// </summary>
internal sealed class PostgreSqlJwtSecretSource(HostDatabase database) : IJwtSecretSource
{
    private const string Name = "jwt";

    // Options are built synchronously, once per process, at start: the only place the server waits on the database
    // without awaiting it.
    public string ReadOrCreate() => ReadOrCreateAsync().GetAwaiter().GetResult();

    /// <summary>The stored secret, or null when none was stored yet.</summary>
    public Task<string?> ReadAsync(CancellationToken ct) => database.ReadAsync(
        connection => HostDatabase.SingleAsync(
            connection, $"SELECT value FROM {database.Schema}.host_secrets WHERE name = $1", reader => reader.GetString(0), ct, Param.Text(Name)),
        ct);

    /// <summary>Stores <paramref name="secret"/> (a copy's), unless a secret is stored already.</summary>
    /// <returns>Whether it was stored.</returns>
    public Task<bool> TryStoreAsync(string secret, CancellationToken ct) => database.WriteAsync(
        async connection => await HostDatabase.ExecuteAsync(
            connection,
            $"INSERT INTO {database.Schema}.host_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
            ct,
            Param.Text(Name),
            Param.Text(secret)).ConfigureAwait(false) == 1,
        _ => null,
        ct);

    private Task<string> ReadOrCreateAsync() => database.WriteAsync(
        async connection =>
        {
            var candidate = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            await HostDatabase.ExecuteAsync(
                connection,
                $"INSERT INTO {database.Schema}.host_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
                CancellationToken.None,
                Param.Text(Name),
                Param.Text(candidate)).ConfigureAwait(false);
            var stored = await HostDatabase.SingleAsync(
                connection,
                $"SELECT value FROM {database.Schema}.host_secrets WHERE name = $1",
                reader => reader.GetString(0),
                CancellationToken.None,
                Param.Text(Name)).ConfigureAwait(false);
            return stored!;
        },
        _ => null,
        CancellationToken.None);
}
