using Owlmetry.Issues.Host.Directory;

namespace Owlmetry.Issues.Tests.DirectoryStore;

/// <summary>
/// The behaviour every <see cref="IDirectoryStore"/> must have, run against each provider by a concrete subclass and
/// observed through the interface only.
/// </summary>
public abstract partial class DirectoryStoreContractTests
{
    protected IDirectoryStore Store { get; private set; } = null!;

    /// <summary>A new, empty store for one test; a provider with files or handles releases them in a [TearDown] of its own.</summary>
    protected abstract IDirectoryStore CreateStore();

    [SetUp]
    public void CreateStoreForTest() => Store = CreateStore();

    /// <summary>Records compare lists by reference, so a key read back is compared field by field.</summary>
    private static void AssertSameKey(ApiKey? actual, ApiKey expected, string what)
    {
        Assert.That(actual, Is.Not.Null, $"{what}: the key is not found");
        Assert.That(actual! with { Permissions = expected.Permissions }, Is.EqualTo(expected), $"{what}: a field of the key changed");
        Assert.That(actual.Permissions, Is.EqualTo(expected.Permissions), $"{what}: the key's permissions changed");
    }
}
