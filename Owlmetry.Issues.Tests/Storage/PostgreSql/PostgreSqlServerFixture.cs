using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.PostgreSql;

/// <summary>Starts the PostgreSQL test server before this namespace's tests, so that one that cannot start fails them all at once.</summary>
[SetUpFixture]
public sealed class PostgreSqlServerFixture
{
    [OneTimeSetUp]
    public Task StartAsync() => PostgreSqlTestServer.EnsureStartedAsync();
}
