using LiteDB;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Files;
using Owlmetry.Issues.Storage.LiteDb.Schema;
using Owlmetry.Issues.Storage.LiteDb.Units;

namespace Owlmetry.Issues.Storage.LiteDb;

/// <summary>
/// An <see cref="IIssueStore"/> over one LiteDB 5 file holding issues, fingerprint aliases, occurrences,
/// comments, attachment links and audit records. The file is locked for this store alone: a second store on the
/// same file, in this process or another, fails to open with an <see cref="IOException"/>.
/// </summary>
/// <remarks>
/// <para>
/// Units of work run one at a time behind an async gate. A write unit runs, on the thread that entered the gate
/// and with no await in between, as LiteDB binds a transaction to its thread: begin, the delegate, commit. When
/// the delegate throws, or a write of the unit failed, the transaction rolls back and nothing of the unit is kept.
/// </para>
/// <para>
/// Reads take the same gate: LiteDB snapshots each collection when a transaction first touches it, so a read
/// racing a commit could see issues from before it and occurrences from after it. Behind the gate no commit can
/// land during a read, and the read's own transaction lets its queries share snapshots and cached pages.
/// </para>
/// <para>
/// Durability: when <see cref="WriteAsync{T}"/> returns, the unit's pages are in the LiteDB log, written to the
/// operating system, so the unit survives the process being killed. With <see cref="LiteDbDurability.PowerLoss"/>
/// the log is also synced, before the commit's confirming page and after it; with the default
/// <see cref="LiteDbDurability.ProcessCrash"/> it is synced in the background about once a second, and its pages'
/// checksums let the next open cut a commit that a power loss tore. A unit whose commit was cut short is discarded
/// whole when the file is next opened.
/// </para>
/// </remarks>
public sealed partial class LiteDbIssueStore : IIssueStore, IDisposable
{
    [ThreadStatic]
    private static LiteDbIssueStore? s_storeInUnit;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly LiteDbFile _file;
    private readonly LiteDbCollections _collections;
    private readonly OccurrenceLedgers _ledgers;
    private OccurrenceGroupMap _groups;
    private bool _disposed;

    /// <summary>Opens (or creates, with its folder) the database file at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file is already open, in this process or another.</exception>
    /// <exception cref="InvalidOperationException">The file was written by a newer schema version than this package knows.</exception>
    public LiteDbIssueStore(string path)
        : this(new LiteDbIssueStoreOptions { Path = path })
    {
    }

    /// <summary>Opens (or creates, with its folder) the database file at <see cref="LiteDbIssueStoreOptions.Path"/>.</summary>
    /// <exception cref="IOException">The file is already open, in this process or another.</exception>
    /// <exception cref="InvalidOperationException">The file was written by a newer schema version than this package knows.</exception>
    public LiteDbIssueStore(LiteDbIssueStoreOptions options)
        : this(options, LiteDbSchema.Migrations)
    {
    }

    internal LiteDbIssueStore(LiteDbIssueStoreOptions options, IReadOnlyList<LiteDbMigration> migrations, int ledgerCapacity = OccurrenceLedgers.DefaultCapacity)
    {
        _ledgers = new OccurrenceLedgers(ledgerCapacity);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        _file = LiteDbFile.Open(options.Path, DocumentMapper.Create(), options.Durability);
        try
        {
            _collections = new LiteDbCollections(_file.Database);
            SchemaMigrator.Migrate(_collections, migrations, _file.Path);
            _file.CommitWritten();
            _groups = OccurrenceGroupMap.Load(_collections.OccurrenceGroups);
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <summary>The full path of the database file.</summary>
    public string Path => _file.Path;

    internal LiteDbCollections Collections => _collections;

    /// <inheritdoc />
    public Task<T> ReadAsync<T>(Func<IIssueStoreReader, ValueTask<T>> read, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        return InUnitAsync(commit: false, () =>
            {
                var reader = new LiteDbIssueStoreReader(_collections, _groups);
                return Completed(reader, () => read(reader));
            },
            ct);
    }

    /// <inheritdoc />
    public async Task<T> WriteAsync<T>(Func<IIssueStoreWriter, ValueTask<T>> write, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var unit = await InUnitAsync(
            commit: true,
            () =>
            {
                var writer = new LiteDbIssueStoreWriter(_collections, _groups, _ledgers);
                var result = Completed(writer, () => write(writer));
                writer.ThrowIfFailed();
                return (Result: result, writer.Groups);
            },
            ct,
            committed: unit =>
            {
                _groups = unit.Groups;
                _ledgers.Committed();
            },
            abandoned: _ledgers.Abandoned).ConfigureAwait(false);
        return unit.Result;
    }

    /// <summary>
    /// Runs <paramref name="read"/> on the store's own database, as one of its read units: for a host that keeps
    /// its own collections in the same file (one file holds everything), consistent with the issues.
    /// </summary>
    /// <returns>What <paramref name="read"/> returned.</returns>
    public Task<T> ReadDatabaseAsync<T>(Func<ILiteDatabase, T> read, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        return InUnitAsync(commit: false, () => read(_file.Database), ct);
    }

    /// <summary>
    /// Runs <paramref name="write"/> on the store's own database as one atomic, durable unit, serialized with the
    /// issue units. Its collection names must not clash with the store's (see the package README).
    /// </summary>
    /// <returns>What <paramref name="write"/> returned, once committed.</returns>
    public Task<T> WriteDatabaseAsync<T>(Func<ILiteDatabase, T> write, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        return InUnitAsync(commit: true, () => write(_file.Database), ct);
    }

    /// <summary>
    /// Runs <paramref name="write"/> like <see cref="WriteDatabaseAsync{T}(Func{ILiteDatabase, T}, CancellationToken)"/>,
    /// then <paramref name="committed"/> with its result once the unit has committed, before the next unit starts: a
    /// host that keeps a copy of its collections in memory applies its writes there in the order they committed. It
    /// is not called when the unit rolled back, and must not throw.
    /// </summary>
    /// <returns>What <paramref name="write"/> returned, once committed.</returns>
    public Task<T> WriteDatabaseAsync<T>(Func<ILiteDatabase, T> write, Action<T> committed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(committed);
        return InUnitAsync(commit: true, () => write(_file.Database), ct, committed);
    }

    /// <summary>Checkpoints the log into the data file and closes the file. Waits for a running unit to finish.</summary>
    /// <exception cref="InvalidOperationException">Called from inside one of the store's own units of work.</exception>
    public void Dispose()
    {
        if (ReferenceEquals(s_storeInUnit, this))
        {
            throw new InvalidOperationException("The store cannot be disposed from inside one of its own units of work.");
        }

        _gate.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _file.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task EnterAsync(CancellationToken ct)
    {
        if (ReferenceEquals(s_storeInUnit, this))
        {
            // The gate is not reentrant: waiting on it here would deadlock.
            throw new InvalidOperationException("A unit of work of this store cannot start another one: units do not nest.");
        }

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        if (_disposed)
        {
            _gate.Release();
            throw new ObjectDisposedException(nameof(LiteDbIssueStore));
        }
    }

    private async Task<T> InUnitAsync<T>(bool commit, Func<T> work, CancellationToken ct, Action<T>? committed = null, Action? abandoned = null)
    {
        await EnterAsync(ct).ConfigureAwait(false);
        try
        {
            return commit ? RunWrite(work, committed, abandoned) : RunRead(work);
        }
        finally
        {
            _gate.Release();
        }
    }

    // LiteDB binds a transaction to its thread, so a unit must finish on the thread that began it. Every call of the
    // reader and writer completes before it returns; a unit that awaited anything else would resume elsewhere, so it
    // is refused. Either way the reader is closed when the unit ends, so nothing can use it outside its transaction.
    private static T Completed<T>(LiteDbIssueStoreReader reader, Func<ValueTask<T>> unit)
    {
        try
        {
            var pending = unit();
            if (!pending.IsCompleted)
            {
                throw new InvalidOperationException(
                    "A LiteDB unit of work awaited something other than its reader or writer; units must complete on the thread that began them.");
            }

            return pending.GetAwaiter().GetResult();
        }
        finally
        {
            reader.Close();
        }
    }

    // RunRead and RunWrite are synchronous: from BeginTrans to Commit or Rollback the unit stays on one thread.
    private T RunRead<T>(Func<T> read)
    {
        BeginUnit();
        try
        {
            return read();
        }
        finally
        {
            // A read has nothing to keep.
            RollbackUnit();
        }
    }

    // What the store keeps beside the file (the occurrence groups and ledgers) follows the commit, before any log
    // sync: the engine shows a committed unit to the next one even when the sync then fails.
    private T RunWrite<T>(Func<T> write, Action<T>? committed, Action? abandoned)
    {
        BeginUnit();
        var isCommitted = false;
        try
        {
            var result = write();
            _file.Database.Commit();
            isCommitted = true;
            committed?.Invoke(result);
            s_storeInUnit = null;
            _file.CommitWritten();
            return result;
        }
        catch
        {
            if (!isCommitted)
            {
                abandoned?.Invoke();
            }

            RollbackUnit();
            throw;
        }
    }

    private void BeginUnit()
    {
        if (!_file.Database.BeginTrans())
        {
            _file.Database.Rollback();
            throw new InvalidOperationException("A LiteDB transaction was already open on this thread; it has been rolled back.");
        }

        s_storeInUnit = this;
    }

    private void RollbackUnit()
    {
        s_storeInUnit = null;
        try
        {
            // False when there is nothing left to roll back: the commit went through and only the log sync failed.
            _file.Database.Rollback();
        }
        catch (Exception ex) when (ex is LiteException or IOException)
        {
            // The engine closed itself on a disk failure; the caller needs the original error, and the uncommitted
            // transaction is discarded when the file is next opened.
        }
    }
}
