using Npgsql;

namespace Owlmetry.Issues.Storage.PostgreSql.Schema;

/// <summary>
/// Brings one component's tables in a schema up to date: the steps not yet recorded in the schema's
/// <c>schema_migrations</c> table run in order, each in its own transaction with its record. The issue store uses it
/// for its own tables (component <c>issues</c>); a host adds its own tables to the same schema under another component.
/// </summary>
/// <remarks>
/// The migrator holds a session-level advisory lock derived from the schema name while it works, so servers that
/// start together do not migrate twice: one migrates, the others wait for the lock and then find every step recorded.
/// A database recording a step this code does not know (a newer release migrated it) is refused.
/// </remarks>
public sealed class PostgreSqlMigrator : IDisposable
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private volatile bool _migrated;
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly string _component;
    private readonly IReadOnlyList<PostgreSqlMigration> _migrations;

    /// <summary>Creates a migrator; nothing touches the database before <see cref="MigrateAsync"/>.</summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="schema">The schema holding the tables, created when missing: a lowercase identifier.</param>
    /// <param name="component">Whose tables these are, recorded with each version (<c>issues</c>, <c>host</c>).</param>
    /// <param name="migrations">The component's steps, versions 1, 2, 3… in order.</param>
    public PostgreSqlMigrator(NpgsqlDataSource dataSource, string schema, string component, IReadOnlyList<PostgreSqlMigration> migrations)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        ArgumentNullException.ThrowIfNull(migrations);
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new ArgumentException($"Migration {i + 1} of '{component}' has version {migrations[i].Version}: versions run 1, 2, 3… in order.", nameof(migrations));
            }
        }

        _dataSource = dataSource;
        _schema = SchemaName.Validate(schema, nameof(schema));
        _component = component;
        _migrations = migrations;
    }

    /// <summary>
    /// <see cref="MigrateAsync"/> the first time it succeeds, and nothing on later calls: what a store calls before
    /// each use. A database that cannot be reached or migrated (refused connection, missing database, a role without
    /// rights) becomes an <see cref="InvalidOperationException"/> that names it and the cause, not Npgsql's internals.
    /// </summary>
    /// <exception cref="InvalidOperationException">The database could not be reached or migrated.</exception>
    public async Task EnsureMigratedAsync(CancellationToken ct = default)
    {
        if (_migrated)
        {
            return;
        }

        await _once.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!_migrated)
            {
                await MigrateAsync(ct).ConfigureAwait(false);
                _migrated = true;
            }
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException(Describe(e), e);
        }
        finally
        {
            _once.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _once.Dispose();

    /// <summary>Creates the schema when missing and applies the steps not yet recorded.</summary>
    /// <returns>How many steps this call applied (0 when another server or an earlier call had applied them).</returns>
    /// <exception cref="InvalidOperationException">The database records a step newer than the last one given.</exception>
    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var lockKey = $"owlmetry.migrate:{_schema}";
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(hashtextextended($1, 0))", ct, lockKey).ConfigureAwait(false);
        try
        {
            // CREATE SCHEMA checks the right to create schemas even when the schema exists: a role that owns an
            // existing schema but may not create one is not asked to.
            await ExecuteAsync(
                connection,
                $"""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '{_schema}') THEN CREATE SCHEMA {_schema}; END IF;
                END $$;
                CREATE TABLE IF NOT EXISTS {_schema}.schema_migrations (
                    component text NOT NULL,
                    version integer NOT NULL,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (component, version));
                """,
                ct).ConfigureAwait(false);
            var applied = await AppliedVersionAsync(connection, ct).ConfigureAwait(false);
            if (applied > _migrations.Count)
            {
                throw new InvalidOperationException(
                    $"Schema '{_schema}' is at version {applied} of '{_component}', newer than this code knows ({_migrations.Count}): a newer release migrated it.");
            }

            foreach (var migration in _migrations.Skip(applied))
            {
                await ApplyAsync(connection, migration, ct).ConfigureAwait(false);
            }

            return _migrations.Count - applied;
        }
        finally
        {
            // A broken connection releases the lock with its session; a cancelled token must not keep it held.
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(hashtextextended($1, 0))", CancellationToken.None, lockKey).ConfigureAwait(false);
        }
    }

    private async Task<int> AppliedVersionAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {_schema}.schema_migrations WHERE component = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _component });
        return (int)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    private async Task ApplyAsync(NpgsqlConnection connection, PostgreSqlMigration migration, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SET LOCAL search_path TO {_schema};\n{migration.Sql}", ct).ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            "INSERT INTO schema_migrations (component, version, name) VALUES ($1, $2, $3)",
            ct,
            _component,
            migration.Version,
            migration.Name).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Where the migrator tried to go and why it could not, without Npgsql's internals.</summary>
    private string Describe(NpgsqlException e)
    {
        var target = new NpgsqlConnectionStringBuilder(_dataSource.ConnectionString);
        var cause = e is PostgresException postgres
            ? $"{postgres.MessageText} (SQLSTATE {postgres.SqlState})"
            : e.InnerException is { } inner ? $"{e.Message} {inner.Message}" : e.Message;
        return $"PostgreSQL schema '{_schema}' of database '{target.Database}' on host '{target.Host}' (port {target.Port}) cannot be opened for '{_component}': {cause}";
    }
}
