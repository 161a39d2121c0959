using System.Security.Cryptography;
using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Attachments;

/// <summary>The behaviour every <see cref="IAttachmentBlobStore"/> must have, run against each implementation.</summary>
public abstract class AttachmentBlobStoreContractTests
{
    protected IAttachmentBlobStore Blobs { get; private set; } = null!;

    protected abstract IAttachmentBlobStore CreateStore();

    protected virtual void ReleaseStore()
    {
    }

    [SetUp]
    public void CreateStoreForTest() => Blobs = CreateStore();

    [TearDown]
    public void ReleaseStoreAfterTest() => ReleaseStore();

    [Test]
    public async Task WriteAsync_ThenOpenRead_ReturnsTheBytes()
    {
        var id = Guid.NewGuid();
        var content = RandomNumberGenerator.GetBytes(300_000);

        await Blobs.WriteAsync(id, new MemoryStream(content));

        Assert.That(await ReadAsync(id), Is.EqualTo(content));
    }

    [Test]
    public async Task WriteAsync_Again_ReplacesTheBytes()
    {
        var id = Guid.NewGuid();
        await Blobs.WriteAsync(id, new MemoryStream([1, 2, 3]));

        await Blobs.WriteAsync(id, new MemoryStream([4]));

        Assert.That(await ReadAsync(id), Is.EqualTo(new byte[] { 4 }));
    }

    [Test]
    public async Task WriteAsync_ContentThrows_StoresNothingUnderTheId()
    {
        var id = Guid.NewGuid();

        await Assert.ThatAsync(() => Blobs.WriteAsync(id, new FailingStream(after: 100_000)), Throws.InstanceOf<IOException>());

        Assert.That(await Blobs.OpenReadAsync(id), Is.Null);
    }

    [Test]
    public async Task OpenReadAsync_Unknown_IsNull()
    {
        Assert.That(await Blobs.OpenReadAsync(Guid.NewGuid()), Is.Null);
    }

    [Test]
    public async Task DeleteAsync_RemovesTheBytesAndIsHarmlessTwice()
    {
        var id = Guid.NewGuid();
        await Blobs.WriteAsync(id, new MemoryStream([1]));

        await Blobs.DeleteAsync(id);
        await Blobs.DeleteAsync(id);
        await Blobs.DeleteAsync(Guid.NewGuid());

        Assert.That(await Blobs.OpenReadAsync(id), Is.Null);
    }

    private async Task<byte[]> ReadAsync(Guid id)
    {
        await using var stream = (await Blobs.OpenReadAsync(id))!;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
