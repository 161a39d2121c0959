using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Host.Moving;
using Owlmetry.Issues.Host.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Moving;

/// <summary>
/// <c>copy-to-postgresql</c>: a LiteDB data directory filled through the real server, copied into a fresh schema, the
/// copy verified, and a server started on PostgreSQL answering as the LiteDB one did; and what the command refuses.
/// </summary>
public sealed class CopyToPostgreSqlTests : DataDirectoryFixture
{
    private const string Password = "correct horse battery staple";
    private string _schema = null!;
    private TempFolder _attachments = null!;
    private WebhookReceiver _receiver = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        await PostgreSqlTestServer.EnsureStartedAsync();
        _schema = PostgreSqlTestServer.NewSchema();
        _attachments = new TempFolder(create: false);
        _receiver = await WebhookReceiver.StartAsync();
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        await PostgreSqlTestServer.DropSchemaAsync(_schema);
        _attachments.Dispose();
        await _receiver.DisposeAsync();
    }

    [Test]
    public async Task Copy_EveryKindOfRecord_VerifiesAndTheServerOnPostgreSqlAnswersTheSame()
    {
        var before = await SeedEverythingAsync();

        var (exit, output, error) = await CopyAsync("--batch", "2");
        await TestContext.Out.WriteLineAsync(output);

        Assert.That(exit, Is.EqualTo(CopyToPostgreSqlCommand.Succeeded), $"{output}\n{error}");
        var table = VerificationRows(output);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Keys, Is.SupersetOf(new[]
            {
                "users", "teams", "memberships", "projects", "apps", "api keys", "webhooks", "webhook deliveries", "issues", "fingerprints",
                "occurrences", "comments", "attachments", "audit records", "events", "scan state", "client event ids",
                "scan runs", "notifications", "digest times", "attachment quota use", "user-token secret", "attachment files",
            }));
            Assert.That(table.Where(row => !row.Value.Matches).Select(row => row.Key), Is.Empty, output);
            foreach (var kind in new[] { "issues", "occurrences", "comments", "audit records", "events", "client event ids", "scan runs",
                "notifications", "webhook deliveries", "attachment files", "user-token secret" })
            {
                Assert.That(table[kind].Count, Is.GreaterThan(0), $"{kind} were seeded");
            }

            Assert.That(table["issues"].Count, Is.EqualTo(3), "four issues, one merged away");
            Assert.That(output, Does.Contain("Storage__Provider=postgresql").And.Contain($"Storage__Schema={_schema}").And.Contain(_attachments.Path));
        }

        using var server = new OwlmetryServerFactory(Data.Path, OnPostgreSql());
        var after = await ReadApiAsync(server, before.Seed);
        Assert.That(after.Answers.Keys, Is.EquivalentTo(before.Answers.Keys), "the same issues, so the same detail pages");
        using (Assert.EnterMultipleScope())
        {
            foreach (var (path, json) in before.Answers)
            {
                Assert.That(after.Answers[path], Is.EqualTo(json), path);
            }

            Assert.That(after.Downloaded, Is.EqualTo(before.Downloaded), "the attachment's bytes");
            Assert.That(await LoginStatusAsync(server, before.Seed.Credentials.UserEmail, before.Seed.Credentials.UserPassword), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await LoginStatusAsync(server, before.Seed.MemberEmail, Password), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await LoginStatusAsync(server, before.Seed.MemberEmail, "wrong password"), Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        // The copy goes on where the LiteDB server stopped: new events get sequences after the copied ones and are scanned once.
        await IngestAsync(server, before.Seed.ClientKey, new { message = "Disk full", level = "error", session_id = Guid.NewGuid() });
        await ScanAsync(server, before.Seed);
        var issues = await GetAsync(server, before.Seed.OwnerToken, $"/v1/projects/{before.Seed.Team.Project.Id}/issues");
        Assert.That(issues["issues"]!.AsArray().Select(i => i!.Text("title")), Is.EquivalentTo(new[] { "Connection refused", "Timeout", "Dev only", "Disk full" }));

        // An event scanned on LiteDB still gets the attachments reserved for it on PostgreSQL, through its copied client event id.
        var later = await server.CreateApiClient(before.Seed.ClientKey).AddAttachmentAsync("reserved after the copy", before.Seed.ClientEventId, "later.log");
        var refused = issues["issues"]!.AsArray().Single(i => i!.Text("title") == "Connection refused")!.Text("id");
        Assert.That((await server.CreateApiClient(before.Seed.OwnerToken).GetAttachmentAsync(later)).IssueId, Is.EqualTo(Guid.Parse(refused)));
    }

    [Test]
    public async Task Copy_TargetNotEmpty_RefusesAndChangesNothing()
    {
        await SeedMinimalAsync();
        var (first, firstOutput, firstError) = await CopyAsync();
        Assert.That(first, Is.EqualTo(CopyToPostgreSqlCommand.Succeeded), $"{firstOutput}\n{firstError}");
        // As the marker's refusal of a second copy says to.
        File.Delete(Data.File(MovedToPostgreSql.FileName));

        var (exit, output, error) = await CopyAsync();

        Assert.That(exit, Is.EqualTo(CopyToPostgreSqlCommand.Failed));
        Assert.That(error, Does.Contain($"The schema {_schema}").And.Contain("is not empty").And.Contain("dir_users"));
        Assert.That(output, Is.Empty);
        var (verified, verifyOutput, _) = await CopyAsync("--verify-only");
        Assert.That(verified, Is.EqualTo(CopyToPostgreSqlCommand.Succeeded), "the refused run wrote nothing: " + verifyOutput);
    }

    [Test]
    public async Task Copy_Verified_MarksTheDataDirectoryWithTheTargetAndTheWayBack_NeverThePassword_VerifyOnlyMarksNothing()
    {
        await SeedMinimalAsync();
        var connection = $"{PostgreSqlTestServer.ConnectionString};Password=never-written";
        var markerFile = Data.File(MovedToPostgreSql.FileName);

        var (exit, output, error) = await RunAsync(["--data", Data.Path, "--connection", connection, "--schema", _schema, "--attachments", _attachments.Path]);

        Assert.That(exit, Is.EqualTo(CopyToPostgreSqlCommand.Succeeded), $"{output}\n{error}");
        Assert.That(File.Exists(markerFile), Is.True, $"the verified copy left no {MovedToPostgreSql.FileName} in the data directory");
        var marker = await File.ReadAllTextAsync(markerFile);
        var target = new NpgsqlConnectionStringBuilder(connection);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(marker, Does.Contain($"database: Host={target.Host};Port={target.Port};Database={target.Database};Username={target.Username}\n"));
            Assert.That(marker, Does.Contain($"schema: {_schema}\n").And.Contain($"attachments: {_attachments.Path}\n").And.Match(@"moved_at: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\n"));
            Assert.That(marker, Does.Contain("To undo, and use this directory as LiteDB storage again").And.Contain("delete\nthis file."));
            Assert.That(marker, Does.Not.Contain("never-written"), "the password was written into the data directory");
            Assert.That(output, Does.Contain($"with a file {MovedToPostgreSql.FileName} added"));
        }

        // Comparing is how a copy is checked: it runs on a marked directory, and marks none itself.
        var (marked, markedOutput, markedError) = await CopyAsync("--verify-only");
        File.Delete(markerFile);
        var (unmarked, unmarkedOutput, unmarkedError) = await CopyAsync("--verify-only");
        Assert.That(marked, Is.EqualTo(CopyToPostgreSqlCommand.Succeeded), $"--verify-only on the marked directory:\n{markedOutput}\n{markedError}");
        Assert.That(unmarked, Is.EqualTo(CopyToPostgreSqlCommand.Succeeded), $"{unmarkedOutput}\n{unmarkedError}");
        Assert.That(File.Exists(markerFile), Is.False, "--verify-only marked the directory as moved");
    }

    [Test]
    public async Task Copy_ServerStillRunningOnTheDataDirectory_RefusesAndSaysToStopIt()
    {
        using var running = new OwlmetryServerFactory(Data.Path, Settings());
        running.CreateClient().Dispose();

        var (exit, _, error) = await CopyAsync();

        Assert.That(exit, Is.EqualTo(CopyToPostgreSqlCommand.Failed));
        Assert.That(error, Does.Contain("is in use: stop the server"));
        Assert.That(await PostgreSqlTarget.FindFilledTablesAsync(PostgreSqlTestServer.DataSource, _schema, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task Copy_DatabaseUnreachable_FailsWithAMessageNamingIt()
    {
        await SeedMinimalAsync();

        var (exit, output, error) = await RunAsync(
            "--data", Data.Path, "--connection", "Host=127.0.0.1;Port=1;Database=owlmetry;Username=owlmetry;Password=secret-pw;Timeout=3");

        Assert.That(exit, Is.EqualTo(CopyToPostgreSqlCommand.Failed));
        Assert.That(error, Does.Contain("The PostgreSQL database Host=127.0.0.1;Port=1;Database=owlmetry").And.Contain("cannot be used"));
        Assert.That(error, Does.Not.Contain("   at ").And.Not.Contain("secret-pw"), "no stack trace, no password");
        Assert.That(output, Is.Empty);
    }

    [Test]
    public async Task VerifyOnly_RowChangedAfterTheCopy_ReportsTheKindAndFails()
    {
        await SeedMinimalAsync();
        var (copied, copyOutput, copyError) = await CopyAsync();
        Assert.That(copied, Is.EqualTo(CopyToPostgreSqlCommand.Succeeded), $"{copyOutput}\n{copyError}");
        await using (var command = PostgreSqlTestServer.DataSource.CreateCommand($"UPDATE {_schema}.issues SET title = 'Tampered'"))
        {
            await command.ExecuteNonQueryAsync();
        }

        var (exit, output, error) = await CopyAsync("--verify-only");

        var table = VerificationRows(output);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(CopyToPostgreSqlCommand.Failed));
            Assert.That(table["issues"].Matches, Is.False, output);
            Assert.That(table["issues"].Count, Is.EqualTo(1), "same count, different content");
            Assert.That(table.Where(row => !row.Value.Matches).Select(row => row.Key), Is.EqualTo(new[] { "issues" }));
            Assert.That(error.Trim(), Is.EqualTo(
                $"The schema {_schema} of {ServerStorage.DescribeDatabase(PostgreSqlTestServer.ConnectionString)} differs from the data directory in issues. " +
                "If a server has run on that schema since the copy, that is what it wrote, and the schema is the server's data now: leave it be. " +
                "If none has, do not switch the server to it: stop the server on the data directory and copy again into a new schema (--schema) " +
                "or an empty database; drop a schema only if you created it for a copy and no server uses it."));
            Assert.That(error, Does.Not.Contain("DROP SCHEMA"), "--verify-only may be looking at the schema a server runs on");
            Assert.That(output, Does.Not.Contain("Storage__Provider"));
        }
    }

    [Test]
    public async Task Copy_NoDatabaseInTheDataDirectory_Fails()
    {
        var (exit, _, error) = await CopyAsync();

        Assert.That(exit, Is.EqualTo(CopyToPostgreSqlCommand.Failed));
        Assert.That(error, Does.Contain("does not exist"));
        Assert.That(Directory.Exists(Data.Path), Is.False, "no data directory was created");
    }

    [TestCase]
    [TestCase("--data", "x")]
    [TestCase("--connection", "Host=x", "--batch", "0")]
    [TestCase("--connection", "Host=x", "--unknown", "y")]
    public async Task Copy_BadArguments_PrintsUsageAndExits2(params string[] args)
    {
        var (exit, _, error) = await RunAsync(args);

        Assert.That(exit, Is.EqualTo(CopyToPostgreSqlCommand.UsageError));
        Assert.That(error, Does.StartWith("Usage:"));
    }

    /// <summary>
    /// Through a LiteDB server: the first-start team, a second team with users of every role and a member added by the
    /// API, keys, a webhook and its delivery, events of three kinds (attributes, users, versions, a dev one) scanned into
    /// issues, an attachment, comments (one edited, one deleted), a resolution, a merge, a job run; then the API's answers.
    /// </summary>
    private async Task<ApiAnswers> SeedEverythingAsync()
    {
        using var server = new OwlmetryServerFactory(Data.Path, Settings());
        server.CreateClient().Dispose();
        var credentials = await ReadCredentialsAsync();
        var team = await HttpTeam.CreateAsync(server);
        var owner = team.Token(TeamRole.Owner);
        var clientKey = await team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite);
        await team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read);
        const string memberEmail = "added-member@example.com";
        using (var client = team.ClientWith(owner))
        {
            (await client.PostAsJsonAsync($"/v1/teams/{team.Team.Id}/members", new { email = memberEmail, name = "Added Member", password = Password, role = "member" }))
                .EnsureSuccessStatusCode();
            var webhook = await client.PostAsJsonAsync($"/v1/teams/{team.Team.Id}/webhooks", new { url = _receiver.Url, secret = "webhook-secret-0123456789" });
            Assert.That(webhook.StatusCode, Is.EqualTo(HttpStatusCode.Created), await webhook.Content.ReadAsStringAsync());
        }

        var clientEventId = Guid.NewGuid();
        var sessions = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        await IngestAsync(server, clientKey, [
            new
            {
                message = "Connection refused", level = "error", session_id = sessions[0], client_event_id = clientEventId, user_id = "ada",
                app_version = "1.0.0", sdk_version = "0.3.0", environment = "backend", custom_attributes = new Dictionary<string, string> { ["zeta"] = "1", ["alpha"] = "two" },
            },
            new { message = "Connection refused", level = "error", session_id = sessions[1], client_event_id = Guid.NewGuid(), user_id = "bob", app_version = "1.1.0" },
            new { message = "Connection refused", level = "error", session_id = sessions[2], client_event_id = Guid.NewGuid(), user_id = (string?)null, app_version = (string?)null },
        ]);
        await IngestAsync(server, clientKey, new { message = "Timeout", level = "error", session_id = Guid.NewGuid(), user_id = "ada" });
        await IngestAsync(server, clientKey, new { message = "Null reference", level = "error", session_id = Guid.NewGuid(), user_id = "bob", source_module = "Checkout" });
        await IngestAsync(server, clientKey, new { message = "Dev only", level = "error", session_id = Guid.NewGuid(), is_dev = true });
        await server.CreateApiClient(clientKey).AddAttachmentAsync("the stack trace\n  at Connect()", clientEventId);

        var seed = new Seed(credentials, team, owner, clientKey, memberEmail, clientEventId);
        await ScanAsync(server, seed);

        var issues = await ListIssuesAsync(server, seed);
        Assert.That(issues.Select(i => i.Text("title")), Is.EquivalentTo(new[] { "Connection refused", "Timeout", "Null reference", "Dev only" }));
        Guid IssueTitled(string title) => Guid.Parse(issues.Single(i => i.Text("title") == title).Text("id"));
        var (refused, timeout, nullReference) = (IssueTitled("Connection refused"), IssueTitled("Timeout"), IssueTitled("Null reference"));
        using (var client = team.ClientWith(owner))
        {
            var issuePath = $"/v1/projects/{team.Project.Id}/issues";
            var first = await (await client.PostAsJsonAsync($"{issuePath}/{refused}/comments", new { body = "Seen on **staging** too" })).JsonAsync();
            var second = await (await client.PostAsJsonAsync($"{issuePath}/{refused}/comments", new { body = "to be deleted" })).JsonAsync();
            (await client.PatchAsJsonAsync($"{issuePath}/{refused}/comments/{CommentId(first)}", new { body = "Seen on **staging** and prod" })).EnsureSuccessStatusCode();
            (await client.DeleteAsync($"{issuePath}/{refused}/comments/{CommentId(second)}")).EnsureSuccessStatusCode();
            (await client.PatchAsJsonAsync($"{issuePath}/{timeout}", new { status = "resolved", resolved_at_version = "2.0.0" })).EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync($"{issuePath}/{refused}/merge", new { source_issue_id = nullReference })).EnsureSuccessStatusCode();
        }

        await _receiver.WaitForAsync(1);
        var webhookId = await WebhookIdAsync(server, seed);
        await Poll.UntilAsync(
            async () => (await GetAsync(server, owner, $"/v1/teams/{team.Team.Id}/webhooks/{webhookId}/deliveries"))["deliveries"]!.AsArray()
                .Any(d => d!.Text("status") == "delivered"),
            TimeSpan.FromSeconds(10),
            "the webhook delivery delivered");
        return await ReadApiAsync(server, seed);
    }

    /// <summary>The first-start team and one scanned event.</summary>
    private async Task SeedMinimalAsync()
    {
        using var server = new OwlmetryServerFactory(Data.Path, Settings());
        server.CreateClient().Dispose();
        var credentials = await ReadCredentialsAsync();
        await IngestAsync(server, credentials.ClientKey, new { message = "Connection refused", level = "error", session_id = Guid.NewGuid() });
        using var agent = server.CreateClient();
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credentials.AgentKey);
        (await agent.PostAsJsonAsync($"/v1/teams/{credentials.TeamId}/jobs/trigger", new { job_type = "issue_scan" })).EnsureSuccessStatusCode();
    }

    /// <summary>What the API answers about everything seeded, download links left out (they are signed for the moment asked).</summary>
    private static async Task<ApiAnswers> ReadApiAsync(OwlmetryServerFactory server, Seed seed)
    {
        var (team, owner) = (seed.Team, seed.OwnerToken);
        var issuePath = $"/v1/projects/{team.Project.Id}/issues";
        var answers = new Dictionary<string, string>();
        var paths = new List<string>
        {
            issuePath, $"{issuePath}?is_dev=true", $"/v1/teams/{team.Team.Id}", $"/v1/teams/{team.Team.Id}/jobs", "/v1/auth/me", "/v1/projects", "/v1/apps",
            $"/v1/events?project_id={team.Project.Id}", $"/v1/teams/{team.Team.Id}/webhooks", $"/v1/attachments?project_id={team.Project.Id}",
            $"/v1/teams/{team.Team.Id}/webhooks/{await WebhookIdAsync(server, seed)}/deliveries",
        };
        foreach (var issue in (await GetAsync(server, owner, issuePath))["issues"]!.AsArray())
        {
            paths.Add($"{issuePath}/{issue!.Text("id")}");
            paths.Add($"{issuePath}/{issue!.Text("id")}/comments");
        }

        foreach (var path in paths)
        {
            answers[path] = Stable(await GetAsync(server, owner, path)).ToJsonString();
        }

        var attachmentId = (await GetAsync(server, owner, $"/v1/attachments?project_id={team.Project.Id}"))["attachments"]!.AsArray().Single()!.Text("id");
        using var client = server.CreateClient();
        var downloaded = await client.GetByteArrayAsync(await server.CreateApiClient(owner).GetDownloadUrlAsync(Guid.Parse(attachmentId)));
        return new ApiAnswers(seed, answers, downloaded);
    }

    private static JsonNode Stable(JsonNode node)
    {
        foreach (var obj in Descendants(node).OfType<JsonObject>().ToList())
        {
            obj.Remove("download_url");
        }

        return node;
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject obj => [obj, .. obj.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants)],
        JsonArray array => [array, .. array.OfType<JsonNode>().SelectMany(Descendants)],
        _ => [node],
    };

    private static async Task<string> WebhookIdAsync(OwlmetryServerFactory server, Seed seed) =>
        (await GetAsync(server, seed.OwnerToken, $"/v1/teams/{seed.Team.Team.Id}/webhooks"))["webhooks"]!.AsArray().Single()!.Text("id");

    private static async Task<IReadOnlyList<JsonNode>> ListIssuesAsync(OwlmetryServerFactory server, Seed seed) =>
        [.. (await GetAsync(server, seed.OwnerToken, $"/v1/projects/{seed.Team.Project.Id}/issues"))["issues"]!.AsArray().OfType<JsonNode>()];

    private static string CommentId(JsonNode created) => (created["comment"] ?? created)!.Text("id");

    private static async Task<JsonNode> GetAsync(OwlmetryServerFactory server, string token, string path)
    {
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{path}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    private static async Task IngestAsync(OwlmetryServerFactory server, string clientKey, params object[] events)
    {
        using var sdk = server.CreateClient();
        sdk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", clientKey);
        var response = await sdk.PostAsJsonAsync("/v1/ingest", new { events });
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
    }

    private static async Task ScanAsync(OwlmetryServerFactory server, Seed seed)
    {
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", seed.OwnerToken);
        var scan = await client.PostAsJsonAsync($"/v1/teams/{seed.Team.Team.Id}/jobs/trigger", new { job_type = "issue_scan" });
        Assert.That(scan.StatusCode, Is.EqualTo(HttpStatusCode.Created), await scan.Content.ReadAsStringAsync());
    }

    private static async Task<HttpStatusCode> LoginStatusAsync(OwlmetryServerFactory server, string email, string password)
    {
        using var client = server.CreateClient();
        using var response = await client.PostAsJsonAsync("/v1/auth/login", new { email, password });
        return response.StatusCode;
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Webhooks:AllowPrivateNetworks"] = "true",
        ["Webhooks:FirstRetryDelay"] = "00:00:00.100",
    };

    private Dictionary<string, string?> OnPostgreSql() => new(Settings())
    {
        ["Storage:Provider"] = "postgresql",
        ["ConnectionStrings:Owlmetry"] = PostgreSqlTestServer.ConnectionString,
        ["Storage:Schema"] = _schema,
        ["Attachments:Path"] = _attachments.Path,
    };

    private Task<(int Exit, string Output, string Error)> CopyAsync(params string[] more) =>
        RunAsync(["--data", Data.Path, "--connection", PostgreSqlTestServer.ConnectionString, "--schema", _schema, "--attachments", _attachments.Path, .. more]);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CopyToPostgreSqlCommand.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The verification table's rows: kind, the PostgreSQL count, whether it matches.</summary>
    private static Dictionary<string, (long Count, bool Matches)> VerificationRows(string output) =>
        output.Split('\n')
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^  (?<kind>[a-z][a-z -]*?)\s+(?<source>\d+)\s+(?<target>\d+)\s+\S+\s+(?<match>yes|NO)\s*$"))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups["kind"].Value, m => (long.Parse(m.Groups["target"].Value, CultureInfo.InvariantCulture), m.Groups["match"].Value == "yes"));

    private sealed record Seed(InitialCredentials Credentials, HttpTeam Team, string OwnerToken, string ClientKey, string MemberEmail, Guid ClientEventId);

    private sealed record ApiAnswers(Seed Seed, Dictionary<string, string> Answers, byte[] Downloaded);
}
