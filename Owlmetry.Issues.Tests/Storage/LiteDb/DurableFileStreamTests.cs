using Owlmetry.Issues.Storage.LiteDb.Files;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.LiteDb;

[TestFixture]
public sealed class DurableFileStreamTests
{
    private TempFolder _folder = null!;
    private string _path = null!;

    [SetUp]
    public void CreatePath()
    {
        _folder = new TempFolder();
        _path = _folder.File("durable.db");
    }

    [TearDown]
    public void DeleteFile() => _folder.Dispose();

    [Test]
    public void Write_ConfirmingPageOfASyncedLog_SyncsTheEarlierPagesFirst()
    {
        using var inner = new RecordingFileStream(_path);
        using var log = DurableFileStream.SyncedLog(inner);

        log.Write(Page(confirmed: false), 0, 8192);
        log.Write(Page(confirmed: true), 0, 8192);

        Assert.That(inner.Events, Is.EqualTo(new[] { "write", "sync", "write" }), "the confirming page was not preceded by a sync");
    }

    [Test]
    public void Write_ConfirmingPageOfAChecksummedLog_DoesNotSyncAndRecordsEveryPage()
    {
        using var checksums = LogPageChecksums.Open(_folder.File("durable-log.crc"));
        checksums.Reset(guardsLog: true);
        using var inner = new RecordingFileStream(_path);
        using var log = DurableFileStream.ChecksummedLog(inner, checksums);

        log.Write(Page(confirmed: false), 0, 8192);
        log.Write(Page(confirmed: true), 0, 8192);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(inner.Events, Is.EqualTo(new[] { "write", "write" }), "a checksummed log must not wait for the disk at commit");
            Assert.That(checksums.TrustedLogLength(inner.SafeFileHandle), Is.EqualTo(2 * 8192), "both pages should match their recorded checksums");
        }
    }

    [Test]
    public void Write_DataFileAfterTheLogWasWritten_SyncsTheLogFirst()
    {
        using var checksums = LogPageChecksums.Open(_folder.File("durable-log.crc"));
        using var logFile = new RecordingFileStream(_folder.File("durable-log.db"));
        using var log = DurableFileStream.ChecksummedLog(logFile, checksums);
        using var dataFile = new RecordingFileStream(_path);
        using var data = DurableFileStream.Data(dataFile, log);
        log.Write(Page(confirmed: true), 0, 8192);

        data.Write(Page(confirmed: false), 0, 8192);
        data.Write(Page(confirmed: false), 0, 8192);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(logFile.Events, Is.EqualTo(new[] { "write", "sync" }), "a checkpoint wrote the data file before the log it copies was on disk");
            Assert.That(dataFile.Events, Is.EqualTo(new[] { "write", "write" }), "the data file itself syncs only when LiteDB flushes it");
        }
    }

    [Test]
    public void SyncIfWritten_AfterAWrite_SyncsOnceAndThenNothing()
    {
        using var checksums = LogPageChecksums.Open(_folder.File("durable-log.crc"));
        using var inner = new RecordingFileStream(_path);
        using var log = DurableFileStream.ChecksummedLog(inner, checksums);
        log.SyncIfWritten();
        log.Write(Page(confirmed: true), 0, 8192);

        log.SyncIfWritten();
        log.SyncIfWritten();

        Assert.That(inner.Events, Is.EqualTo(new[] { "write", "sync" }), "the background sync should reach the disk once per batch of writes, and only then");
    }

    [Test]
    public void Flush_Always_SyncsToDisk()
    {
        using var inner = new RecordingFileStream(_path);
        using var log = DurableFileStream.SyncedLog(inner);

        log.Flush();

        Assert.That(inner.Events, Is.EqualTo(new[] { "sync" }), "LiteDB's plain Flush() must reach the disk");
    }

    [Test]
    public void SetLength_Always_SyncsToDisk()
    {
        using var inner = new RecordingFileStream(_path);
        using var log = DurableFileStream.SyncedLog(inner);

        log.SetLength(0);

        Assert.That(inner.Events, Is.EqualTo(new[] { "length", "sync" }), "a truncated log must be on disk before new transactions reuse its ids");
    }

    [Test]
    public void SetLength_EmptiedChecksummedLog_ForgetsTheChecksums()
    {
        var checksumsPath = _folder.File("durable-log.crc");
        using var checksums = LogPageChecksums.Open(checksumsPath);
        checksums.Reset(guardsLog: true);
        using var inner = new RecordingFileStream(_path);
        using var log = DurableFileStream.ChecksummedLog(inner, checksums);
        log.Write(Page(confirmed: true), 0, 8192);

        log.SetLength(0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(new FileInfo(checksumsPath).Length, Is.EqualTo(LogPageChecksums.HeaderSize), "the emptied log's checksums were kept");
            Assert.That(checksums.GuardsLog, Is.True, "emptying the log must not change whether it is guarded");
        }
    }

    private static byte[] Page(bool confirmed)
    {
        var page = new byte[8192];
        page[18] = confirmed ? (byte)1 : (byte)0;
        return page;
    }

    private sealed class RecordingFileStream(string path) : FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0)
    {
        public List<string> Events { get; } = [];

        public override void Write(byte[] buffer, int offset, int count)
        {
            Events.Add("write");
            base.Write(buffer, offset, count);
        }

        public override void Flush(bool flushToDisk)
        {
            Events.Add(flushToDisk ? "sync" : "flush");
            base.Flush(flushToDisk);
        }

        public override void SetLength(long value)
        {
            Events.Add("length");
            base.SetLength(value);
        }
    }
}
