using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Owlmetry.Issues.Host.Accounts;
using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Accounts;

/// <summary><c>Owlmetry.Issues.Host users reset-password</c>: the operator's reset, on a LiteDB data directory and on PostgreSQL.</summary>
public sealed class UsersCommandTests : DataDirectoryFixture
{
    private static readonly TimeSpan s_exitTimeout = TimeSpan.FromSeconds(60);

    [Test]
    public async Task ResetPassword_LiteDb_PrintsANewPasswordThatLogsIn_AndTheOldOneNoLonger()
    {
        Assert.That(await InitCommand.RunAsync(["--data", Data.Path], TextWriter.Null, TextWriter.Null), Is.Zero);
        var initial = await ReadCredentialsAsync();

        var (exit, output, error) = await RunAsync("reset-password", "--email", "Admin@Localhost", "--data", Data.Path, "--json");

        Assert.That(exit, Is.Zero, error);
        var printed = JsonNode.Parse(output)!;
        Assert.That(printed.MemberNames(), Is.EquivalentTo(new[] { "user_id", "user_email", "user_password" }));
        Assert.That(printed.Text("user_email"), Is.EqualTo("admin@localhost"));
        var password = printed.Text("user_password");
        Assert.That(password, Has.Length.AtLeast(20).And.Not.EqualTo(initial.UserPassword));
        using var server = new OwlmetryServerFactory(Data.Path);
        using var client = server.CreateClient();
        Assert.That((await client.PostAsJsonAsync("/v1/auth/login", new { email = "admin@localhost", password })).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the new password does not log in");
        Assert.That((await client.PostAsJsonAsync("/v1/auth/login", new { email = "admin@localhost", password = initial.UserPassword })).StatusCode,
            Is.EqualTo(HttpStatusCode.Unauthorized), "the old password still logs in");
    }

    [Test]
    public async Task ResetPassword_WithoutJson_PrintsThePasswordForAPerson()
    {
        await InitCommand.RunAsync(["--data", Data.Path], TextWriter.Null, TextWriter.Null);

        var (exit, output, _) = await RunAsync("reset-password", $"--email=admin@localhost", $"--data={Data.Path}");

        Assert.That(exit, Is.Zero);
        Assert.That(output, Does.StartWith("New password for admin@localhost").And.Match(@"\n  [A-Za-z0-9]{24}\s*$"));
    }

    [Test]
    public async Task ResetPassword_UnknownEmail_Exits1AndChangesNothing()
    {
        await InitCommand.RunAsync(["--data", Data.Path], TextWriter.Null, TextWriter.Null);
        var initial = await ReadCredentialsAsync();

        var (exit, output, error) = await RunAsync("reset-password", "--email", "nobody@example.com", "--data", Data.Path);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain("No user has the email nobody@example.com"));
        using var server = new OwlmetryServerFactory(Data.Path);
        using var client = server.CreateClient();
        Assert.That((await client.PostAsJsonAsync("/v1/auth/login", new { email = "admin@localhost", password = initial.UserPassword })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ResetPassword_DataDirectoryWithoutAStore_Exits1AndCreatesNothing()
    {
        var (exit, output, error) = await RunAsync("reset-password", "--email", "admin@localhost", "--data", Data.Path);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain("owlmetry.db does not exist: --data must name the data directory of a LiteDB server"));
        Assert.That(Directory.Exists(Data.Path), Is.False, "the command created the data directory");
    }

    [TestCase]
    [TestCase("reset-password")]
    [TestCase("reset-password", "--email")]
    [TestCase("reset-password", "--email", "not-an-email")]
    [TestCase("reset-password", "--email", "a@b.c", "--colour", "blue")]
    [TestCase("delete", "--email", "a@b.c")]
    public async Task BadArguments_Exit2WithUsage(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain("Usage: Owlmetry.Issues.Host users reset-password --email EMAIL"));
        Assert.That(Directory.Exists(Data.Path), Is.False, "a refused command created the data directory");
    }

    [Test]
    public async Task ResetPassword_PostgreSql_AsAChildProcess_ChangesThePasswordInTheDatabase()
    {
        await PostgreSqlTestServer.EnsureStartedAsync();
        var schema = PostgreSqlTestServer.NewSchema();
        var environment = new Dictionary<string, string?>
        {
            ["Storage__Provider"] = "postgresql",
            ["ConnectionStrings__Owlmetry"] = PostgreSqlTestServer.ConnectionString,
            ["Storage__Schema"] = schema,
        };
        try
        {
            string initialPassword;
            using (var init = ChildProcess.Start("Owlmetry.Issues.Host.dll", ["init", "--data", Data.Path, "--json"], Path.GetTempPath(), environment))
            {
                Assert.That(await init.WaitForExitAsync(s_exitTimeout, "init"), Is.Zero, init.Describe());
                initialPassword = JsonNode.Parse(string.Join('\n', init.Lines))!.Text("user_password");
            }

            using var reset = ChildProcess.Start(
                "Owlmetry.Issues.Host.dll", ["users", "reset-password", "--email", "admin@localhost", "--data", Data.Path, "--json"], Path.GetTempPath(), environment);
            Assert.That(await reset.WaitForExitAsync(s_exitTimeout, "users reset-password"), Is.Zero, reset.Describe());
            var password = JsonNode.Parse(string.Join('\n', reset.Lines))!.Text("user_password");

            // The hash the database now holds, checked as a login checks it.
            await using var read = PostgreSqlTestServer.DataSource.CreateCommand($"SELECT id, password_hash FROM {schema}.dir_users WHERE email_key = 'admin@localhost'");
            await using var row = await read.ExecuteReaderAsync();
            Assert.That(await row.ReadAsync(), Is.True, "the user is gone from the database");
            var user = new User(row.GetGuid(0), "admin@localhost", "Admin", row.GetString(1), DateTimeOffset.UnixEpoch);
            var hasher = new PasswordHasher<User>();
            Assert.That(hasher.VerifyHashedPassword(user, user.PasswordHash, password), Is.Not.EqualTo(PasswordVerificationResult.Failed), "the password printed is not the one in the database");
            Assert.That(hasher.VerifyHashedPassword(user, user.PasswordHash, initialPassword), Is.EqualTo(PasswordVerificationResult.Failed), "the old password still matches");
        }
        finally
        {
            await PostgreSqlTestServer.DropSchemaAsync(schema);
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await UsersCommand.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
