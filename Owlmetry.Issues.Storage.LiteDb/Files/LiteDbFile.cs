using LiteDB;
using LiteDB.Engine;

namespace Owlmetry.Issues.Storage.LiteDb.Files;

/// <summary>
/// One database file, opened for this process alone. LiteDB's own <c>Connection=direct</c> opens the file with
/// <see cref="FileShare.Read"/>, which .NET on Linux turns into a shared advisory lock: a second engine, in this
/// process or another, opens the same file, writes to it too, and the file is corrupted. So the data and log
/// files are opened here with <see cref="FileShare.None"/> (an exclusive lock on every platform) and handed to a
/// <see cref="LiteEngine"/>; a second open fails with an <see cref="IOException"/> before LiteDB reads a byte.
/// </summary>
internal sealed class LiteDbFile : IDisposable
{
    /// <summary>The mode of every file the store creates on Unix: the issues hold what applications report, so only their owner reads them.</summary>
    internal const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // How often a log written under LiteDbDurability.ProcessCrash reaches the disk: what a power loss can cost.
    private static readonly TimeSpan s_backgroundSyncInterval = TimeSpan.FromSeconds(1);

    private readonly DurableFileStream _data;
    private readonly DurableFileStream _log;
    private readonly LogPageChecksums _checksums;
    private readonly string _logPath;
    private readonly string _checksumsPath;
    private readonly LiteDbDurability _durability;
    private readonly Timer? _backgroundSync;

    private LiteDbFile(string path, string logPath, string checksumsPath, DurableFileStream data, DurableFileStream log, LogPageChecksums checksums, LiteDbDurability durability, BsonMapper mapper)
    {
        Path = path;
        _logPath = logPath;
        _checksumsPath = checksumsPath;
        _data = data;
        _log = log;
        _checksums = checksums;
        _durability = durability;
        var engine = new LiteEngine(new EngineSettings
        {
            DataStream = data,
            LogStream = log,

            // Keys compare as ordinal strings; LiteDB's default collation is culture-aware and case-insensitive. An
            // existing file created with another collation is refused by the engine itself.
            Collation = Collation.Binary,
        });
        Database = new LiteDatabase(engine, mapper, disposeOnClose: true);

        // Recovery is over once the log is in the data file; only then may the checksums' guard change.
        Database.Checkpoint();
        checksums.Reset(guardsLog: durability == LiteDbDurability.ProcessCrash);
        if (durability == LiteDbDurability.ProcessCrash)
        {
            _backgroundSync = new Timer(_ => SyncLogInBackground(), null, s_backgroundSyncInterval, s_backgroundSyncInterval);
        }
    }

    public string Path { get; }

    public LiteDatabase Database { get; }

    /// <summary>Whether the log holds commits that have not reached the disk yet.</summary>
    public bool LogHasUnsyncedWrites => _log.HasUnsyncedWrites;

    public static LiteDbFile Open(string path, BsonMapper mapper, LiteDbDurability durability)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(fullPath) ?? "";
        Directory.CreateDirectory(folder);

        // LiteDB's own naming, so that a file closed uncleanly still opens, log included, in LiteDB's tools.
        var stem = System.IO.Path.Combine(folder, $"{System.IO.Path.GetFileNameWithoutExtension(fullPath)}-log");
        var logPath = stem + System.IO.Path.GetExtension(fullPath);
        var opened = new Stack<IDisposable>();
        try
        {
            // The data file first: when another store holds it, its own name is what the error should give.
            var dataFile = OpenExclusive(fullPath);
            opened.Push(dataFile);
            var checksumsPath = stem + ".crc";
            var checksums = LogPageChecksums.Open(checksumsPath);
            opened.Push(checksums);
            var logFile = OpenExclusive(logPath);
            opened.Push(logFile);
            CutUntrustedTail(logFile, checksums);
            var log = durability == LiteDbDurability.ProcessCrash
                ? DurableFileStream.ChecksummedLog(logFile, checksums)
                : DurableFileStream.SyncedLog(logFile);
            return new LiteDbFile(fullPath, logPath, checksumsPath, DurableFileStream.Data(dataFile, log), log, checksums, durability, mapper);
        }
        catch
        {
            while (opened.TryPop(out var file))
            {
                file.Dispose();
            }

            throw;
        }
    }

    /// <summary>Makes the last commit as durable as <see cref="LiteDbDurability"/> says: synced for a power loss, nothing more for a process crash.</summary>
    public void CommitWritten()
    {
        if (_durability == LiteDbDurability.PowerLoss)
        {
            _log.Flush();
        }
    }

    /// <summary>
    /// Writes the whole database into a new file at <paramref name="destinationPath"/>, owner-only on Unix and synced
    /// to disk: a checkpoint first moves every committed page from the log into the data file, so the copy alone is
    /// the database. The caller makes sure no transaction runs meanwhile.
    /// </summary>
    public void CopyTo(string destinationPath)
    {
        Database.Checkpoint();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using var copy = new FileStream(destinationPath, options);
        _data.CopyWholeTo(copy);
        copy.Flush(flushToDisk: true);
    }

    public void Dispose()
    {
        // Waits for a sync in progress, so that none runs on a closed file.
        if (_backgroundSync is not null)
        {
            using var stopped = new ManualResetEvent(false);
            _backgroundSync.Dispose(stopped);
            stopped.WaitOne();
        }

        // The engine checkpoints the log into the data file when it closes; an empty log is then removed, as LiteDB does,
        // and its checksums with it.
        Database.Dispose();
        var logIsEmpty = _log.Length == 0;
        _log.Dispose();
        _checksums.Dispose();
        _data.Dispose();

        // The folder may be gone already (a deleted temporary folder): nothing is left to remove then.
        if (logIsEmpty && System.IO.Directory.Exists(System.IO.Path.GetDirectoryName(_logPath)))
        {
            File.Delete(_logPath);
            File.Delete(_checksumsPath);
        }
    }

    // A commit that a power loss tore, and every commit after it, is cut before LiteDB reads the log: LiteDB would
    // skip a page of zeros and replay the rest of that commit.
    private static void CutUntrustedTail(FileStream log, LogPageChecksums checksums)
    {
        var trusted = checksums.TrustedLogLength(log.SafeFileHandle);
        if (trusted < log.Length)
        {
            log.SetLength(trusted);
            log.Flush(flushToDisk: true);
        }
    }

    private void SyncLogInBackground()
    {
        try
        {
            _log.SyncIfWritten();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // Nothing waits for this sync: a disk that fails it fails the next commit or checkpoint too, and that
            // caller hears of it.
        }
    }

    private static FileStream OpenExclusive(string path)
    {
        try
        {
            // No buffer: LiteDB reads and writes whole pages, and a buffer would only hold back what Flush must sync.
            var options = new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 0, Options = FileOptions.RandomAccess,
            };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            return new FileStream(path, options);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException)
        {
            throw new IOException(
                $"The issue store file '{path}' could not be opened for exclusive use; it is most likely open in this or another "
                + "process already. A LiteDB file serves one process, and one store object, at a time: share the store instead of opening the file twice.",
                ex);
        }
    }
}
