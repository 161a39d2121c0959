using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Crash;

/// <summary>
/// A data directory of its own for each test and the server process a test runs over it, killed at teardown when
/// a failed assertion leaves it running.
/// </summary>
public abstract class HostCrashFixture
{
    private TempFolder _folder = null!;

    private protected string Data { get; private set; } = null!;

    private protected HostProcess? Server { get; set; }

    [SetUp]
    public void CreateDataDirectory()
    {
        _folder = new TempFolder();
        Data = _folder.File("data");
    }

    [TearDown]
    public void StopServer()
    {
        Server?.Dispose();
        Server = null;
        _folder.Dispose();
    }

    /// <summary>What the server left in its database file, read once it is no longer running.</summary>
    private protected Task<EventLedger> ReadLedgerAsync(InitialCredentials credentials, IReadOnlyCollection<IngestBatch> batches) =>
        EventLedger.ReadAsync(HostProcess.DatabasePath(Data), credentials.ProjectId, credentials.AppId, batches);
}
