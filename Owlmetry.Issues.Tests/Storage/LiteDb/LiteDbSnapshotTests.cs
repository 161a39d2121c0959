using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.LiteDb;

/// <summary><see cref="LiteDbIssueStore.SnapshotAsync"/>: a copy of the open file as of one point between units of work.</summary>
public sealed class LiteDbSnapshotTests
{
    private TempFolder _folder = null!;
    private LiteDbIssueStore _store = null!;

    [SetUp]
    public void OpenStore()
    {
        _folder = new TempFolder();
        _store = new LiteDbIssueStore(_folder.File("issues.db"));
    }

    [TearDown]
    public void CloseStore()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Test]
    public async Task SnapshotAsync_StoreOpen_CopyOpensWithEveryCommittedUnit()
    {
        var issues = Enumerable.Range(0, 50).Select(_ => new IssueBuilder().Build()).ToList();
        foreach (var issue in issues)
        {
            await _store.WriteAsync(w => InsertAsync(w, issue));
        }

        await _store.SnapshotAsync(_folder.File("copy.db"));

        using var copy = new LiteDbIssueStore(_folder.File("copy.db"));
        var found = 0;
        foreach (var issue in issues)
        {
            found += await copy.ReadAsync(async r => await r.FindIssueAsync(issue.Id) is not null) ? 1 : 0;
        }

        Assert.That(found, Is.EqualTo(issues.Count), "issues of committed units in the copy, taken while the store was open");
    }

    [Test]
    public async Task SnapshotAsync_UnitStartedAtTheSnapshotPoint_WaitsAndIsNotInTheCopy()
    {
        var before = new IssueBuilder().Build();
        var after = new IssueBuilder().Build();
        await _store.WriteAsync(w => InsertAsync(w, before));
        Task? write = null;
        var completedAtSnapshot = true;

        await _store.SnapshotAsync(_folder.File("copy.db"), () =>
        {
            write = _store.WriteAsync(w => InsertAsync(w, after));
            completedAtSnapshot = write.IsCompleted;
        });
        await write!;

        using var copy = new LiteDbIssueStore(_folder.File("copy.db"));
        var (hasBefore, hasAfter) = await copy.ReadAsync(async r => (await r.FindIssueAsync(before.Id) is not null, await r.FindIssueAsync(after.Id) is not null));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completedAtSnapshot, Is.False, "a unit ran while the snapshot held the store");
            Assert.That(hasBefore, Is.True, "the unit committed before the snapshot");
            Assert.That(hasAfter, Is.False, "the unit that waited for the snapshot");
            Assert.That(await _store.ReadAsync(r => r.FindIssueAsync(after.Id)), Is.Not.Null, "the store itself kept the waiting unit");
        }
    }

    [Test]
    public async Task SnapshotAsync_Copy_IsOwnerOnly()
    {
        await _store.SnapshotAsync(_folder.File("copy.db"));

        var mode = TempFolder.UnixModeOf(_folder.File("copy.db"));
        Assume.That(mode, Is.Not.Null, "no Unix file modes on this platform");
        Assert.That(mode, Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public async Task SnapshotAsync_DestinationExists_ThrowsAndLeavesItAlone()
    {
        await File.WriteAllTextAsync(_folder.File("copy.db"), "mine");

        Assert.That(() => _store.SnapshotAsync(_folder.File("copy.db")), Throws.InstanceOf<IOException>());
        Assert.That(await File.ReadAllTextAsync(_folder.File("copy.db")), Is.EqualTo("mine"));
    }

    private static async ValueTask<bool> InsertAsync(IIssueStoreWriter writer, Issue issue)
    {
        await writer.InsertIssueAsync(issue);
        return true;
    }
}
