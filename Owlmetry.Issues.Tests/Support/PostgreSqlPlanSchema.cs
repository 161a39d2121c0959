using Npgsql;
using Owlmetry.Issues.Storage.PostgreSql.Schema;
using Owlmetry.Issues.Storage.PostgreSql.Units;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// A migrated issue-store schema of the PostgreSQL test server that a plan test seeds with SQL, and the planner's plan
/// of a statement on it (<c>EXPLAIN (COSTS OFF)</c>, with the statement's own parameters), written to the test's output.
/// </summary>
internal sealed class PostgreSqlPlanSchema
{
    private readonly string _name = PostgreSqlTestServer.NewSchema();

    public static async Task<PostgreSqlPlanSchema> CreateAsync(string seed)
    {
        var schema = new PostgreSqlPlanSchema();
        await new PostgreSqlMigrator(PostgreSqlTestServer.DataSource, schema._name, IssueStoreMigrations.Component, IssueStoreMigrations.All).MigrateAsync();
        await using var connection = await schema.OpenAsync();
        await using var command = new NpgsqlCommand(seed, connection);
        await command.ExecuteNonQueryAsync();
        return schema;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<string> ExplainAsync(SqlStatement statement)
    {
        await using var connection = await OpenAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN (COSTS OFF) " + statement.Text, connection);
        explain.Parameters.AddRange(statement.Parameters.Select(parameter => parameter.Clone()).ToArray());
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        var plan = string.Join('\n', lines);
        await TestContext.Out.WriteLineAsync(plan);
        return plan;
    }

    public Task DropAsync() => PostgreSqlTestServer.DropSchemaAsync(_name);

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = await PostgreSqlTestServer.DataSource.OpenConnectionAsync();
        await using var searchPath = new NpgsqlCommand($"SET search_path TO {_name}", connection);
        await searchPath.ExecuteNonQueryAsync();
        return connection;
    }
}
