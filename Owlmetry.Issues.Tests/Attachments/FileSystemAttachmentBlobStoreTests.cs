using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Attachments;

[TestFixture]
public sealed class FileSystemAttachmentBlobStoreTests : AttachmentBlobStoreContractTests
{
    private TempFolder _folder = null!;

    private string Root => Path.Combine(_folder.Path, "attachments");

    protected override IAttachmentBlobStore CreateStore()
    {
        _folder = new TempFolder();
        return new FileSystemAttachmentBlobStore(Root);
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public async Task WriteAsync_FileIsNamedByTheIdAloneInsideTheFolder()
    {
        var id = Guid.NewGuid();

        await Blobs.WriteAsync(id, new MemoryStream([1, 2]));

        var hex = id.ToString("N");
        Assert.That(Directory.GetFiles(Root, "*", SearchOption.AllDirectories), Is.EqualTo(new[] { Path.Combine(Root, hex[..2], hex) }));
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "Unix file modes")]
    public async Task WriteAsync_FolderAndFile_AreOwnerOnly()
    {
        var id = Guid.NewGuid();

        await Blobs.WriteAsync(id, new MemoryStream([1]));

        var file = ((FileSystemAttachmentBlobStore)Blobs).PathOf(id);
        Assert.That(TempFolder.UnixModeOf(Root), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        Assert.That(TempFolder.UnixModeOf(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public async Task DeleteAsync_RemovesAPartialFileACrashLeftBehind()
    {
        var id = Guid.NewGuid();
        var partial = ((FileSystemAttachmentBlobStore)Blobs).PathOf(id) + ".partial";
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        await File.WriteAllBytesAsync(partial, [1, 2, 3]);

        await Blobs.DeleteAsync(id);

        Assert.That(File.Exists(partial), Is.False);
    }

    [Test]
    public async Task WriteAsync_ContentThrows_LeavesNoFileBehind()
    {
        await Assert.ThatAsync(() => Blobs.WriteAsync(Guid.NewGuid(), new FailingStream(after: 10)), Throws.InstanceOf<IOException>());

        Assert.That(Directory.GetFiles(Root, "*", SearchOption.AllDirectories), Is.Empty);
    }
}
