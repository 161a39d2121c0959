using Npgsql;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.PostgreSql;

/// <summary>
/// The server binary, and its <c>init</c>, on a PostgreSQL they cannot use: they stop with exit code 1 and one line
/// that names the database and the cause, not a host failure with a stack trace. And <c>init</c> on a schema that an
/// earlier one seeded: refused, naming the schema.
/// </summary>
[TestFixture]
public sealed class PostgreSqlServerStartTests : SchemaPerTest
{
    private static readonly TimeSpan s_exitTimeout = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Start_DatabaseUnreachable_ExitsWithOneLineNamingTheDatabase()
    {
        var (exitCode, errors) = await StartAsync("Host=/nonexistent-owlmetry-socket-dir;Port=5999;Username=postgres;Timeout=3");

        Assert.That(exitCode, Is.EqualTo(1), errors);
        Assert.That(errors, Does.Contain("The server cannot start: PostgreSQL schema").And.Contain("/nonexistent-owlmetry-socket-dir"));
        Assert.That(StackLines(errors), Is.Empty, "the start failed with a stack trace");
    }

    [Test]
    public async Task Start_RoleWithoutRightsToCreateTheSchema_ExitsWithOneLineNamingTheCause()
    {
        var role = $"owlmetry_no_rights_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE ROLE {role} LOGIN");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(PostgreSqlTestServer.ConnectionString) { Username = role }.ConnectionString;

            var (exitCode, errors) = await StartAsync(connection);

            Assert.That(exitCode, Is.EqualTo(1), errors);
            Assert.That(errors, Does.Contain("The server cannot start: PostgreSQL schema").And.Contain("permission denied"));
            Assert.That(StackLines(errors), Is.Empty, "the start failed with a stack trace");
        }
        finally
        {
            await ExecuteAsync($"DROP ROLE {role}");
        }
    }

    [Test]
    public async Task Init_DatabaseUnreachable_RefusesWithOneLineNamingTheDatabase()
    {
        using var data = new TempFolder(create: false);
        using var init = ChildProcess.Start(
            "Owlmetry.Issues.Host.dll",
            ["init", "--data", data.Path],
            Path.GetTempPath(),
            new Dictionary<string, string?>
            {
                ["Storage__Provider"] = "postgresql",
                ["ConnectionStrings__Owlmetry"] = "Host=/nonexistent-owlmetry-socket-dir;Port=5999;Username=postgres;Timeout=3",
            });

        var exitCode = await init.WaitForExitAsync(s_exitTimeout, "init to give up");

        Assert.That(exitCode, Is.EqualTo(1), init.Describe());
        Assert.That(init.StandardError, Does.StartWith("init cannot use the storage: PostgreSQL schema").And.Contain("/nonexistent-owlmetry-socket-dir"));
        Assert.That(StackLines(init.StandardError), Is.Empty, "init failed with a stack trace");
    }

    [Test]
    public async Task Init_SchemaSeededByAnEarlierInit_RefusesNamingTheSchemaNotTheDataDirectory()
    {
        using var first = new TempFolder(create: false);
        using var second = new TempFolder(create: false);
        var environment = new Dictionary<string, string?>
        {
            ["Storage__Provider"] = "postgresql",
            ["Storage__Schema"] = Schema,
            ["ConnectionStrings__Owlmetry"] = PostgreSqlTestServer.ConnectionString,
        };
        using (var init = ChildProcess.Start("Owlmetry.Issues.Host.dll", ["init", "--data", first.Path], Path.GetTempPath(), environment))
        {
            Assert.That(await init.WaitForExitAsync(s_exitTimeout, "the first init"), Is.Zero, init.Describe());
        }

        using var again = ChildProcess.Start("Owlmetry.Issues.Host.dll", ["init", "--data", second.Path], Path.GetTempPath(), environment);
        var exitCode = await again.WaitForExitAsync(s_exitTimeout, "the second init");

        Assert.That(exitCode, Is.EqualTo(1), again.Describe());
        Assert.That(again.StandardError.Trim(), Is.EqualTo($"The PostgreSQL schema {Schema} is not empty; init changed nothing."));
    }

    private async Task<(int ExitCode, string Errors)> StartAsync(string connectionString)
    {
        using var data = new TempFolder(create: false);
        using var server = ChildProcess.Start(
            "Owlmetry.Issues.Host.dll",
            [
                "--data", data.Path,
                "--urls", $"http://127.0.0.1:{FreePort.Next()}",
                "--Storage:Provider=postgresql",
                $"--Storage:Schema={Schema}",
                $"--ConnectionStrings:Owlmetry={connectionString}",
            ],
            Path.GetTempPath());
        var exitCode = await server.WaitForExitAsync(s_exitTimeout, "the server to give up");
        return (exitCode, server.StandardError + "\n" + string.Join('\n', server.Lines));
    }

    private static List<string> StackLines(string output) =>
        output.Split('\n').Where(line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal)).ToList();

    private static async Task ExecuteAsync(string sql)
    {
        await using var command = PostgreSqlTestServer.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
