using System.Data;
using Npgsql;
using Owlmetry.Issues.Storage.PostgreSql.Schema;
using Owlmetry.Issues.Storage.PostgreSql.Units;

namespace Owlmetry.Issues.Storage.PostgreSql;

/// <summary>
/// An <see cref="IIssueStore"/> on PostgreSQL, shared by any number of processes. A write unit is one transaction that
/// first takes a transaction-level advisory lock derived from the schema name, so write units run one at a time across
/// every server, as the seam promises; a read unit is one <c>REPEATABLE READ READ ONLY</c> transaction, one snapshot,
/// and takes no lock. The schema is created and migrated when the store is first used.
/// </summary>
public sealed class PostgreSqlIssueStore : IIssueStore, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly string _schema;
    private readonly string _readStart;
    private readonly string _writeStart;
    private readonly AsyncLocal<bool> _inUnit = new();
    private readonly PostgreSqlMigrator _migrator;

    /// <summary>Creates the store; the database is first reached by the first unit of work.</summary>
    /// <exception cref="ArgumentException">Neither or both of a connection string and a data source, a connection string Npgsql cannot read, or an invalid schema name.</exception>
    public PostgreSqlIssueStore(PostgreSqlIssueStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _schema = SchemaName.Validate(options.Schema, nameof(options));
        (_dataSource, _ownsDataSource) = (options.DataSource, options.ConnectionString) switch
        {
            ({ } dataSource, null) => (dataSource, false),
            (null, { Length: > 0 } connectionString) => (CreateDataSource(connectionString), true),
            _ => throw new ArgumentException("Give PostgreSqlIssueStoreOptions either a ConnectionString or a DataSource.", nameof(options)),
        };
        _migrator = new PostgreSqlMigrator(_dataSource, _schema, IssueStoreMigrations.Component, IssueStoreMigrations.All);

        // The schema name is a validated plain identifier, so it is written into the text; the lock key is the same
        // for every process using this schema. JIT compilation is off in every unit: the batched probes of a scan unit
        // (one index probe per key, thousands of keys) are estimated above jit_above_cost, and compiling them took
        // 38-44 ms a statement against about 20 ms of execution; no statement of the store is a long analytical query.
        _readStart = $"SET TRANSACTION READ ONLY; SET LOCAL search_path TO {_schema}; SET LOCAL jit = off";
        _writeStart = $"SET LOCAL search_path TO {_schema}; SET LOCAL jit = off; SELECT pg_advisory_xact_lock(hashtextextended('owlmetry.issues.write:{_schema}', 0))";
    }

    private static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        try
        {
            return NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException e)
        {
            // Npgsql names only the keyword it could not set, not which setting of the application held it.
            throw new ArgumentException(
                $"PostgreSqlIssueStoreOptions.ConnectionString (the connection string given to UsePostgreSql) is not a PostgreSQL connection string: {e.Message}",
                "options",
                e);
        }
    }

    /// <inheritdoc />
    public Task<T> ReadAsync<T>(Func<IIssueStoreReader, ValueTask<T>> read, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        return InUnitAsync(IsolationLevel.RepeatableRead, _readStart, unit => read(new PostgreSqlIssueStoreReader(unit)), ct);
    }

    /// <inheritdoc />
    public Task<T> WriteAsync<T>(Func<IIssueStoreWriter, ValueTask<T>> write, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        return InUnitAsync(IsolationLevel.ReadCommitted, _writeStart, unit => write(new PostgreSqlIssueStoreWriter(unit)), ct);
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable?> TryAcquireLeaseAsync(string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await _migrator.EnsureMigratedAsync(ct).ConfigureAwait(false);
        return await PostgreSqlLease.TryAcquireAsync(_dataSource, $"owlmetry.lease.{name}:{_schema}", ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>A read unit is a snapshot of its own: it takes no lock and does not wait for the write units' advisory lock.</remarks>
    public bool ReadsBesideWrites => true;

    /// <inheritdoc />
    /// <remarks>
    /// 10,000 events: a unit of them holds the write lock for about half a second on a 2-core machine, less than a
    /// LiteDB unit of 5,000 does, and rewrites each touched issue half as often per event as 5,000 would, which is
    /// most of the scan's gain (docs/performance.md).
    /// </remarks>
    public int PreferredScanBatchSize => 10_000;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }

        _migrator.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }

        _migrator.Dispose();
    }

    private async Task<T> InUnitAsync<T>(IsolationLevel isolation, string start, Func<PostgreSqlUnit, ValueTask<T>> body, CancellationToken ct)
    {
        if (_inUnit.Value)
        {
            // A nested write unit would wait for the advisory lock its own outer unit holds.
            throw new InvalidOperationException("A unit of work of this store cannot start another one: units do not nest.");
        }

        ct.ThrowIfCancellationRequested();
        _inUnit.Value = true;
        try
        {
            await _migrator.EnsureMigratedAsync(ct).ConfigureAwait(false);
            await using var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(isolation, ct).ConfigureAwait(false);
            await using (var command = new NpgsqlCommand(start, connection))
            {
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            // Disposing an uncommitted transaction rolls it back: a delegate that throws leaves nothing behind.
            var result = await body(new PostgreSqlUnit(connection, ct)).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return result;
        }
        finally
        {
            _inUnit.Value = false;
        }
    }
}
