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
    private readonly DurableFileStream _data;
    private readonly DurableFileStream _log;
    private readonly string _logPath;

    private LiteDbFile(string path, string logPath, DurableFileStream data, DurableFileStream log, BsonMapper mapper)
    {
        Path = path;
        _logPath = logPath;
        _data = data;
        _log = log;
        var engine = new LiteEngine(new EngineSettings
        {
            DataStream = data,
            LogStream = log,

            // Keys compare as ordinal strings; LiteDB's default collation is culture-aware and case-insensitive. An
            // existing file created with another collation is refused by the engine itself.
            Collation = Collation.Binary,
        });
        Database = new LiteDatabase(engine, mapper, disposeOnClose: true);
    }

    public string Path { get; }

    public LiteDatabase Database { get; }

    public static LiteDbFile Open(string path, BsonMapper mapper)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(fullPath) ?? "";
        Directory.CreateDirectory(folder);

        // LiteDB's own naming, so that a file closed uncleanly still opens, log included, in LiteDB's tools.
        var logPath = System.IO.Path.Combine(
            folder, $"{System.IO.Path.GetFileNameWithoutExtension(fullPath)}-log{System.IO.Path.GetExtension(fullPath)}");
        var data = OpenExclusive(fullPath, isLog: false);
        DurableFileStream? log = null;
        try
        {
            log = OpenExclusive(logPath, isLog: true);
            return new LiteDbFile(fullPath, logPath, data, log, mapper);
        }
        catch
        {
            log?.Dispose();
            data.Dispose();
            throw;
        }
    }

    /// <summary>Makes the last commit durable: LiteDB has written its pages to the log without syncing them.</summary>
    public void FlushLog() => _log.Flush();

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
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var copy = new FileStream(destinationPath, options);
        _data.CopyWholeTo(copy);
        copy.Flush(flushToDisk: true);
    }

    public void Dispose()
    {
        // The engine checkpoints the log into the data file when it closes; an empty log is then removed, as LiteDB does.
        Database.Dispose();
        var logIsEmpty = _log.Length == 0;
        _log.Dispose();
        if (logIsEmpty && File.Exists(_logPath))
        {
            File.Delete(_logPath);
        }

        _data.Dispose();
    }

    private static DurableFileStream OpenExclusive(string path, bool isLog)
    {
        try
        {
            // No buffer: LiteDB reads and writes whole pages, and a buffer would only hold back what Flush must sync.
            return new DurableFileStream(
                new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, FileOptions.RandomAccess),
                isLog);
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
