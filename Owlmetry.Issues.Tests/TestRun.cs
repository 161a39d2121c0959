using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests;

/// <summary>What the whole run shares, released at its end: the PostgreSQL test server, when a test started it.</summary>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public Task StopPostgreSqlAsync() => PostgreSqlTestServer.StopAsync();
}
