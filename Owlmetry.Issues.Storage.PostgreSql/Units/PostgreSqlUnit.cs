using Npgsql;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

/// <summary>
/// The connection and transaction of one unit of work, and the unit's cancellation token, which every statement
/// honours. Statements use positional parameters (<c>$1</c>): Npgsql sends them without rewriting the SQL.
/// </summary>
internal sealed class PostgreSqlUnit(NpgsqlConnection connection, CancellationToken ct)
{
    /// <summary>Unique violations of the store's keys are the seam's conflicts; the unit rolls back as it unwinds.</summary>
    private const string UniqueViolation = "23505";

    public CancellationToken CancellationToken => ct;

    public async Task<int> ExecuteAsync(string sql, params NpgsqlParameter[] parameters)
    {
        await using var command = Command(sql, parameters);
        try
        {
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            throw Conflict(e);
        }
    }

    public async Task<T?> ScalarAsync<T>(string sql, params NpgsqlParameter[] parameters)
    {
        await using var command = Command(sql, parameters);
        try
        {
            var value = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
            return value is null or DBNull ? default : (T)value;
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            throw Conflict(e);
        }
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params NpgsqlParameter[] parameters)
    {
        await using var command = Command(sql, parameters);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            var rows = new List<T>();
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            throw Conflict(e);
        }
    }

    public async Task<T?> QuerySingleAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params NpgsqlParameter[] parameters)
        where T : class
    {
        var rows = await QueryAsync(sql, read, parameters).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Several statements in one round trip; <paramref name="read"/> reads the results in statement order.</summary>
    public async Task<T> BatchAsync<T>(IEnumerable<SqlStatement> statements, Func<NpgsqlDataReader, Task<T>> read)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var statement in statements)
        {
            var command = new NpgsqlBatchCommand(statement.Text);
            command.Parameters.AddRange(statement.Parameters.ToArray());
            batch.BatchCommands.Add(command);
        }

        try
        {
            await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await read(reader).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            throw Conflict(e);
        }
    }

    public Task<List<T>> QueryAsync<T>(SqlStatement statement, Func<NpgsqlDataReader, T> read) =>
        QueryAsync(statement.Text, read, [.. statement.Parameters]);

    private NpgsqlCommand Command(string sql, NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static IssueStoreConflictException Conflict(PostgresException e) =>
        new($"The write breaks the store's invariant '{e.ConstraintName}' ({e.TableName}): {e.MessageText}", e);
}
