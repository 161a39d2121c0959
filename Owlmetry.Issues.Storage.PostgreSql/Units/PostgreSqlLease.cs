using Npgsql;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

/// <summary>
/// A lease across every process on one schema: a session-level advisory lock held on a connection of its own for as
/// long as the work it guards. PostgreSQL frees it when the holder releases it, or when the holder's connection ends —
/// a server killed mid-pass loses it at once, and another takes it at its next pass.
/// </summary>
internal sealed class PostgreSqlLease : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _key;

    private PostgreSqlLease(NpgsqlConnection connection, string key)
    {
        _connection = connection;
        _key = key;
    }

    /// <returns>The lease, or null when another session holds it.</returns>
    public static async Task<IAsyncDisposable?> TryAcquireAsync(NpgsqlDataSource dataSource, string key, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended($1, 0))", connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
            if ((bool)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!)
            {
                return new PostgreSqlLease(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended($1, 0))", _connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _key });
            await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException) when (_connection.FullState.HasFlag(System.Data.ConnectionState.Broken) || _connection.State == System.Data.ConnectionState.Closed)
        {
            // The session ended (the server restarted, or terminated it): the lock ended with it.
        }
        finally
        {
            // Returned to the pool without the lock; a broken connection is closed, which frees the lock too.
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
