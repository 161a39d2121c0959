using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Owlmetry.Issues.DependencyInjection;

namespace Owlmetry.Issues.Benchmarks;

/// <summary>
/// Where a bench keeps its store: the LiteDB file it names (the default), or, with <c>--postgresql CONNECTION</c>, a
/// schema of that database named after the file, so that reopening the "file" reopens the same schema. A bench drops
/// its schemas when it ends (<see cref="DropSchemasAsync"/>): a database full of earlier runs' rows makes the next
/// run pay for their vacuuming and checkpoints (measured: 96 against 51 µs of PostgreSQL CPU per ingested event).
/// </summary>
internal sealed class BenchStorage(string? postgreSqlConnectionString)
{
    private readonly ConcurrentDictionary<string, bool> _schemas = new(StringComparer.Ordinal);

    public string Name => postgreSqlConnectionString is null ? "LiteDB" : "PostgreSQL";

    /// <summary>
    /// The environment that puts the server binary and its <c>init</c> on this storage: nothing for LiteDB (the data
    /// directory), or the PostgreSQL settings with a schema named after <paramref name="run"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> ServerEnvironment(string run) => postgreSqlConnectionString is null
        ? new Dictionary<string, string>()
        : new Dictionary<string, string>
        {
            ["Storage__Provider"] = "postgresql",
            ["ConnectionStrings__Owlmetry"] = postgreSqlConnectionString,
            ["Storage__Schema"] = SchemaOf(run),
        };

    public IIssuesBuilder Use(IIssuesBuilder issues, string file) => postgreSqlConnectionString is null
        ? issues.UseLiteDb(file)
        : issues.UsePostgreSql(o =>
        {
            o.ConnectionString = postgreSqlConnectionString;
            o.Schema = SchemaOf(file);
        });

    /// <summary>
    /// On PostgreSQL, a checkpoint before a timed phase, so that every run starts with the same amount of WAL behind
    /// it instead of meeting the cluster's next checkpoint at a different moment; nothing for LiteDB.
    /// </summary>
    public async Task CheckpointAsync()
    {
        if (postgreSqlConnectionString is not null)
        {
            await ExecuteAsync(["CHECKPOINT"]);
        }
    }

    /// <summary>Drops every schema this bench named; nothing for LiteDB, whose files go with the bench's folder.</summary>
    public async Task DropSchemasAsync()
    {
        if (postgreSqlConnectionString is null || _schemas.IsEmpty)
        {
            return;
        }

        var schemas = _schemas.Keys.ToList();
        await ExecuteAsync(schemas.Select(schema => $"DROP SCHEMA IF EXISTS {schema} CASCADE"));
        foreach (var schema in schemas)
        {
            _schemas.TryRemove(schema, out _);
        }
    }

    private async Task ExecuteAsync(IEnumerable<string> statements)
    {
        await using var connection = new NpgsqlConnection(postgreSqlConnectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private string SchemaOf(string name)
    {
        var schema = "bench_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..16];
        _schemas.TryAdd(schema, true);
        return schema;
    }
}
