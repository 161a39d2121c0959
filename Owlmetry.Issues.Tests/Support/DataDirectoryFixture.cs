using Owlmetry.Issues.Host.Bootstrap;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>An empty data directory of its own for each test, and the checks a fresh install's files get.</summary>
public abstract class DataDirectoryFixture
{
    private protected TempFolder Data { get; private set; } = null!;

    private protected string CredentialsFile => Data.File("initial-credentials.json");

    [SetUp]
    public void CreateDataDirectory() => Data = new TempFolder(create: false);

    [TearDown]
    public void DeleteDataDirectory() => Data.Dispose();

    private protected async Task<InitialCredentials> ReadCredentialsAsync() =>
        InitialCredentials.FromJson(await File.ReadAllTextAsync(CredentialsFile))
            ?? throw new InvalidOperationException("No credentials were written.");

    /// <summary>Files holding secrets are readable by their owner only; inconclusive where there are no Unix file modes.</summary>
    private protected static void AssertOwnerOnly(string path)
    {
        var mode = TempFolder.UnixModeOf(path);
        Assume.That(mode, Is.Not.Null, "no Unix file modes on this platform");
        Assert.That(mode, Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), path);
    }

    /// <summary>Folders holding secrets only their owner may list or enter (0700); inconclusive where there are no Unix file modes.</summary>
    private protected static void AssertOwnerOnlyFolder(string path)
    {
        var mode = TempFolder.UnixModeOf(path);
        Assume.That(mode, Is.Not.Null, "no Unix file modes on this platform");
        Assert.That(mode, Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute), path);
    }
}
