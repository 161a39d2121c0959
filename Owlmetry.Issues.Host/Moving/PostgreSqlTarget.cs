using Npgsql;

namespace Owlmetry.Issues.Host.Moving;

/// <summary>What a copy needs to know of its PostgreSQL target before writing: whether the schema already holds anything.</summary>
internal static class PostgreSqlTarget
{
    // The migrations' bookkeeping, and the scan state's single row of zeros, are what an empty migrated schema holds.
    private static readonly string[] s_bookkeeping = ["schema_migrations", "scan_state"];

    /// <returns>The tables of <paramref name="schema"/> holding rows; none when the schema is missing or freshly migrated.</returns>
    public static async Task<IReadOnlyList<string>> FindFilledTablesAsync(NpgsqlDataSource dataSource, string schema, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var tables = new List<string>();
        await using (var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name", connection))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = schema });
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var filled = new List<string>();
        foreach (var table in tables.Where(t => !s_bookkeeping.Contains(t)))
        {
            if (await ExistsAsync(connection, $"SELECT EXISTS (SELECT 1 FROM {schema}.\"{table}\")", ct).ConfigureAwait(false))
            {
                filled.Add(table);
            }
        }

        if (tables.Contains("scan_state")
            && await ExistsAsync(connection, $"SELECT EXISTS (SELECT 1 FROM {schema}.scan_state WHERE last_event_sequence <> 0 OR scan_checkpoint <> 0)", ct)
                .ConfigureAwait(false))
        {
            filled.Add("scan_state");
        }

        return filled;
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (bool)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }
}
