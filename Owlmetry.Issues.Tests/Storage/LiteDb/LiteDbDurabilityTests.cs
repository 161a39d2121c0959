using LiteDB;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Storage.LiteDb.Files;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.LiteDb;

/// <summary>
/// What a LiteDB file keeps when its process dies, or its machine loses power, before the store is closed. A crash
/// is the open files copied as they are (the checkpoint that closing runs never happens); a power loss is a page of
/// the copied log set to zeros, as a disk leaves a page the kernel never wrote.
/// </summary>
[TestFixture]
[Platform(Exclude = "Win", Reason = "copies files this process holds locked, which only a platform with advisory locks allows")]
public sealed class LiteDbDurabilityTests
{
    private const int PageSize = 8192;
    private static readonly string[] s_fileNames = ["issues.db", "issues-log.db", "issues-log.crc"];

    private TempFolder _folder = null!;
    private string _path = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = new TempFolder();
        _path = _folder.File("issues.db");
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [TestCase(LiteDbDurability.ProcessCrash)]
    [TestCase(LiteDbDurability.PowerLoss)]
    public async Task WriteAsync_ProcessDiesBeforeDispose_CommittedUnitRecoversFromTheLog(LiteDbDurability durability)
    {
        var issue = new IssueBuilder().Build();
        string crashed;
        using (var store = Open(_path, durability))
        {
            await InsertAsync(store, issue);
            crashed = await CopyAsACrashLeavesItAsync("crashed");
        }

        using var recovered = Open(Path.Combine(crashed, "issues.db"), durability);

        Assert.That(await recovered.ReadAsync(reader => reader.FindIssueAsync(issue.Id)), Is.Not.Null,
            "a committed unit was lost when the process died before closing the store");
    }

    [TestCase(LiteDbDurability.ProcessCrash)]
    [TestCase(LiteDbDurability.PowerLoss)]
    public async Task Open_LastCommitTornByAPowerLoss_CutsThatCommitAndKeepsTheOnesBefore(LiteDbDurability reopenedWith)
    {
        var kept = new IssueBuilder().Build();
        var torn = new IssueBuilder().Build();
        string crashed;
        using (var store = Open(_path, LiteDbDurability.ProcessCrash))
        {
            await InsertAsync(store, kept);
            await InsertAsync(store, torn);
            crashed = await CopyAsACrashLeavesItAsync("crashed");
        }

        var log = Path.Combine(crashed, "issues-log.db");
        var confirming = ConfirmingPages(log);
        Assert.That(confirming, Has.Count.GreaterThanOrEqualTo(2), "the two inserts are not both in the log, so this tests nothing");
        Assert.That(confirming[^1] - confirming[^2], Is.GreaterThanOrEqualTo(2), "the last commit has no page besides its confirming one");
        ZeroPage(log, confirming[^1] - 1);

        using var recovered = Open(Path.Combine(crashed, "issues.db"), reopenedWith);
        var found = await recovered.ReadAsync(async reader => (Kept: await reader.FindIssueAsync(kept.Id), Torn: await reader.FindIssueAsync(torn.Id)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Kept, Is.Not.Null, "the commit before the torn one was lost");
            Assert.That(found.Torn, Is.Null, "a commit with a page missing was replayed");
        }
    }

    [Test]
    public async Task Open_SwitchedFromProcessCrashToPowerLoss_LaterCommitsStillRecover()
    {
        var first = new IssueBuilder().Build();
        var second = new IssueBuilder().Build();
        string crashedOnce;
        using (var store = Open(_path, LiteDbDurability.ProcessCrash))
        {
            await InsertAsync(store, first);
            crashedOnce = await CopyAsACrashLeavesItAsync("crashed-once");
        }

        string crashedTwice;
        using (var store = Open(Path.Combine(crashedOnce, "issues.db"), LiteDbDurability.PowerLoss))
        {
            await InsertAsync(store, second);
            crashedTwice = await CopyAsACrashLeavesItAsync("crashed-twice", crashedOnce);
        }

        using var recovered = Open(Path.Combine(crashedTwice, "issues.db"), LiteDbDurability.ProcessCrash);
        var found = await recovered.ReadAsync(async reader => (First: await reader.FindIssueAsync(first.Id), Second: await reader.FindIssueAsync(second.Id)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.First, Is.Not.Null, "the commit of the first run was lost");
            Assert.That(found.Second, Is.Not.Null, "a commit written without checksums was checked against them and cut");
        }
    }

    [Test]
    public async Task Commit_ProcessCrashDurability_ReachesTheDiskInTheBackground()
    {
        using var file = LiteDbFile.Open(_path, new BsonMapper(), LiteDbDurability.ProcessCrash);

        file.Database.GetCollection("notes").Insert(new BsonDocument { ["text"] = "written" });
        file.CommitWritten();

        await Poll.UntilAsync(() => !file.LogHasUnsyncedWrites, TimeSpan.FromSeconds(10), "the background sync of the log");
    }

    [Test]
    public void Commit_PowerLossDurability_IsSyncedWhenItReturns()
    {
        using var file = LiteDbFile.Open(_path, new BsonMapper(), LiteDbDurability.PowerLoss);

        file.Database.GetCollection("notes").Insert(new BsonDocument { ["text"] = "written" });
        file.CommitWritten();

        Assert.That(file.LogHasUnsyncedWrites, Is.False);
    }

    private static LiteDbIssueStore Open(string path, LiteDbDurability durability) => new(new LiteDbIssueStoreOptions { Path = path, Durability = durability });

    private static Task InsertAsync(LiteDbIssueStore store, Issue issue) => store.WriteAsync(async writer =>
    {
        await writer.InsertIssueAsync(issue);
        return true;
    });

    private async Task<string> CopyAsACrashLeavesItAsync(string name, string? from = null)
    {
        var source = from ?? _folder.Path;
        var destination = _folder.File(name);
        Directory.CreateDirectory(destination);
        using var copy = System.Diagnostics.Process.Start("cp", s_fileNames.Select(file => Path.Combine(source, file)).Append(destination))!;
        await copy.WaitForExitAsync();
        Assert.That(copy.ExitCode, Is.Zero, "copying the open files failed");
        Assert.That(new FileInfo(Path.Combine(destination, "issues-log.db")).Length, Is.Positive, "the unit is not in the log, so this tests nothing");
        return destination;
    }

    private static List<int> ConfirmingPages(string log)
    {
        var bytes = File.ReadAllBytes(log);
        return Enumerable.Range(0, bytes.Length / PageSize).Where(page => bytes[page * PageSize + 18] == 1).ToList();
    }

    private static void ZeroPage(string log, int page)
    {
        using var file = new FileStream(log, FileMode.Open);
        file.Position = (long)page * PageSize;
        file.Write(new byte[PageSize]);
    }
}
