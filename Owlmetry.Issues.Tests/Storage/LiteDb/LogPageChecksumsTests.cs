using Owlmetry.Issues.Storage.LiteDb.Files;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.LiteDb;

/// <summary>
/// The checksums that let recovery find a commit torn by a power loss: its confirming page reached the disk, one of
/// its other pages did not. Logs are built page by page here: "c" a confirming page, "p" any other page.
/// </summary>
[TestFixture]
public sealed class LogPageChecksumsTests
{
    private const int PageSize = 8192;

    private TempFolder _folder = null!;
    private string _logPath = null!;
    private string _checksumsPath = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TempFolder();
        _logPath = _folder.File("issues-log.db");
        _checksumsPath = _folder.File("issues-log.crc");
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public void TrustedLogLength_EveryPageOnDisk_EndsAfterTheLastConfirmingPage()
    {
        WriteGuardedLog("p c p c p");

        Assert.That(TrustedPages(), Is.EqualTo(4), "the trailing page of an unconfirmed commit must not be trusted, every commit before it must");
    }

    [TestCase(4, 4, TestName = "TrustedLogLength_OtherPageOfTheLastCommitLost_CutsThatCommit")]
    [TestCase(0, 0, TestName = "TrustedLogLength_FirstPageLost_TrustsNothing")]
    [TestCase(5, 4, TestName = "TrustedLogLength_LastConfirmingPageLost_CutsOnlyThatCommit")]
    [TestCase(2, 2, TestName = "TrustedLogLength_PageOfAMiddleCommitLost_CutsItAndEverythingAfter")]
    public void TrustedLogLength_APageThatNeverReachedTheDisk(int lostPage, int expectedTrustedPages)
    {
        WriteGuardedLog("p c p c p c");
        OverwritePage(lostPage, new byte[PageSize]);

        Assert.That(TrustedPages(), Is.EqualTo(expectedTrustedPages), $"page {lostPage} is zeros, as a power loss leaves a page it never wrote");
    }

    [Test]
    public void TrustedLogLength_PageHalfWritten_CutsItsCommit()
    {
        WriteGuardedLog("p c p c");
        var torn = Page(confirming: false, seed: 99);
        Array.Clear(torn, PageSize / 2, PageSize / 2);
        OverwritePage(2, torn);

        Assert.That(TrustedPages(), Is.EqualTo(2), "a page whose second half is missing passed its checksum");
    }

    [Test]
    public void TrustedLogLength_ChecksumNeverReachedTheDisk_CutsBeforeThatPage()
    {
        WriteGuardedLog("p c p c");
        using (var file = File.OpenWrite(_checksumsPath))
        {
            file.SetLength(LogPageChecksums.HeaderSize + 3 * sizeof(uint));
        }

        Assert.That(TrustedPages(), Is.EqualTo(2), "a page without its checksum was trusted");
    }

    [Test]
    public void TrustedLogLength_PartialPageAtTheEnd_IsNotTrusted()
    {
        WriteGuardedLog("p c");
        using (var log = new FileStream(_logPath, FileMode.Append))
        {
            log.Write(Page(confirming: true, seed: 5), 0, PageSize / 2);
        }

        Assert.That(TrustedPages(), Is.EqualTo(2));
    }

    [Test]
    public void TrustedLogLength_LogWrittenUnguarded_TrustsItWhole()
    {
        WriteGuardedLog("p c p c");
        using (var checksums = LogPageChecksums.Open(_checksumsPath))
        {
            checksums.Reset(guardsLog: false);
        }

        OverwritePage(2, new byte[PageSize]);

        Assert.That(TrustedPages(), Is.EqualTo(4), "a log synced before every confirming page needs no checksums, and has none");
    }

    [Test]
    public void Open_NoChecksumsFile_DoesNotGuardTheLog()
    {
        using var checksums = LogPageChecksums.Open(_checksumsPath);

        Assert.That(checksums.GuardsLog, Is.False, "a log left by a release without checksums was synced before each confirming page");
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Reset_Reopened_KeepsTheGuard(bool guardsLog)
    {
        using (var checksums = LogPageChecksums.Open(_checksumsPath))
        {
            checksums.Reset(guardsLog);
        }

        using var reopened = LogPageChecksums.Open(_checksumsPath);

        Assert.That(reopened.GuardsLog, Is.EqualTo(guardsLog));
    }

    private void WriteGuardedLog(string pages)
    {
        using var checksums = LogPageChecksums.Open(_checksumsPath);
        checksums.Reset(guardsLog: true);
        using var log = new FileStream(_logPath, FileMode.Create);
        var seed = 0;
        foreach (var kind in pages.Split(' '))
        {
            var page = Page(confirming: kind == "c", seed: ++seed);
            checksums.Record(log.Position, page);
            log.Write(page);
        }
    }

    private void OverwritePage(int index, byte[] content)
    {
        using var log = new FileStream(_logPath, FileMode.Open);
        log.Position = (long)index * PageSize;
        log.Write(content);
    }

    private long TrustedPages()
    {
        using var checksums = LogPageChecksums.Open(_checksumsPath);
        using var log = File.OpenHandle(_logPath);
        return checksums.TrustedLogLength(log) / PageSize;
    }

    private static byte[] Page(bool confirming, int seed)
    {
        var page = new byte[PageSize];
        new Random(seed).NextBytes(page);
        page[18] = confirming ? (byte)1 : (byte)0;
        return page;
    }
}
