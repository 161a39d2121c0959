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
    public void Write_ConfirmingLogPage_SyncsTheEarlierPagesFirst()
    {
        using var inner = new RecordingFileStream(_path);
        using var log = new DurableFileStream(inner, isLog: true);

        log.Write(Page(confirmed: false), 0, 8192);
        log.Write(Page(confirmed: true), 0, 8192);

        Assert.That(inner.Events, Is.EqualTo(new[] { "write", "sync", "write" }), "the confirming page was not preceded by a sync");
    }

    [Test]
    public void Write_ConfirmingPageOfTheDataFile_DoesNotSync()
    {
        using var inner = new RecordingFileStream(_path);
        using var data = new DurableFileStream(inner, isLog: false);

        data.Write(Page(confirmed: true), 0, 8192);

        Assert.That(inner.Events, Is.EqualTo(new[] { "write" }));
    }

    [Test]
    public void Flush_Always_SyncsToDisk()
    {
        using var inner = new RecordingFileStream(_path);
        using var log = new DurableFileStream(inner, isLog: true);

        log.Flush();

        Assert.That(inner.Events, Is.EqualTo(new[] { "sync" }), "LiteDB's plain Flush() must reach the disk");
    }

    [Test]
    public void SetLength_Always_SyncsToDisk()
    {
        using var inner = new RecordingFileStream(_path);
        using var log = new DurableFileStream(inner, isLog: true);

        log.SetLength(0);

        Assert.That(inner.Events, Is.EqualTo(new[] { "length", "sync" }), "a truncated log must be on disk before new transactions reuse its ids");
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
