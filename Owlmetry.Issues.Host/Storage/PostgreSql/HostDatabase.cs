using Npgsql;
using Owlmetry.Issues.Storage.PostgreSql.Schema;

namespace Owlmetry.Issues.Host.Storage.PostgreSql;

/// <summary>
/// The server's tables in the issue store's PostgreSQL schema: migrated once, on first use, under the component
/// <c>host</c>; every statement names its tables with the schema, which is a validated plain identifier.
/// </summary>
internal sealed class HostDatabase(NpgsqlDataSource dataSource, string schema) : IDisposable
{
    private const string UniqueViolation = "23505";

    private readonly PostgreSqlMigrator _migrator = new(dataSource, schema, HostMigrations.Component, HostMigrations.All);

    /// <summary>The schema, to qualify table names in SQL text.</summary>
    public string Schema { get; } = schema;

    /// <summary>Creates or migrates the server's tables unless done already.</summary>
    /// <exception cref="InvalidOperationException">The database could not be reached or migrated; the message says why.</exception>
    public Task EnsureMigratedAsync(CancellationToken ct) => _migrator.EnsureMigratedAsync(ct);

    /// <summary>Runs <paramref name="read"/> on an open connection, outside any transaction (each read is one statement).</summary>
    public async Task<T> ReadAsync<T>(Func<NpgsqlConnection, Task<T>> read, CancellationToken ct)
    {
        await _migrator.EnsureMigratedAsync(ct).ConfigureAwait(false);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await read(connection).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction: all its statements commit or none do. A unique violation
    /// becomes a <see cref="Directory.DirectoryConflictException"/> with the message <paramref name="conflict"/>
    /// gives for the violated constraint, or is rethrown when it gives none.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<NpgsqlConnection, Task<T>> write, Func<string?, string?> conflict, CancellationToken ct)
    {
        await _migrator.EnsureMigratedAsync(ct).ConfigureAwait(false);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        try
        {
            var result = await write(connection).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return result;
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation && conflict(ex.ConstraintName) is { } message)
        {
            throw new Directory.DirectoryConflictException(message);
        }
    }

    /// <summary>
    /// A connection of its own for a caller that keeps it open (a <c>LISTEN</c>er), once the tables exist; the caller
    /// disposes it.
    /// </summary>
    public async Task<NpgsqlConnection> OpenDedicatedAsync(CancellationToken ct)
    {
        await _migrator.EnsureMigratedAsync(ct).ConfigureAwait(false);
        return await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Takes a lock held until the current transaction ends, shared by every server on this schema.</summary>
    public Task LockAsync(NpgsqlConnection connection, string name, CancellationToken ct) =>
        ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", ct, Param.Text($"owlmetry.host.{name}:{Schema}"));

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public static async Task<T?> SingleAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map, CancellationToken ct, params NpgsqlParameter[] parameters)
        where T : class
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? map(reader) : null;
    }

    public static async Task<IReadOnlyList<T>> ListAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map, CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public void Dispose() => _migrator.Dispose();

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return command;
    }
}
