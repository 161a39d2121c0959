namespace Owlmetry.Issues.Tests.Support;

/// <summary>A fresh server for each test, on in-memory storage unless a fixture says otherwise, with one team written into it.</summary>
public abstract class HttpApiFixture
{
    private protected OwlmetryServerFactory Factory { get; private set; } = null!;

    private protected HttpTeam Team { get; private set; } = null!;

    [SetUp]
    public async Task StartServerAsync()
    {
        Factory = CreateServer();
        Team = await HttpTeam.CreateAsync(Factory);
    }

    [TearDown]
    public void StopServer() => Factory.Dispose();

    private protected virtual OwlmetryServerFactory CreateServer() => new();

    /// <summary>A second team on the same server, to check that the first one's callers cannot reach it.</summary>
    private protected Task<HttpTeam> CreateOtherTeamAsync() => HttpTeam.CreateAsync(Factory, "Team B");
}
