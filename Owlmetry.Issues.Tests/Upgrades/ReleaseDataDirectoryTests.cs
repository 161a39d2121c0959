using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LiteDB;
using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Storage.LiteDb.Schema;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Upgrades;

/// <summary>
/// An upgrade in place: the current server started on a data directory that an earlier release wrote
/// (<c>Fixtures/README.md</c> says how each was made) finds everything in it, and leaves the file at the current
/// schema version. <c>324adca</c> wrote schema version 6; <c>93b54d7</c>, version 10, the last with text-keyed
/// occurrences.
/// </summary>
[TestFixture("release-324adca.zip")]
[TestFixture("release-93b54d7.zip")]
public sealed class ReleaseDataDirectoryTests(string release) : DataDirectoryFixture
{
    [SetUp]
    public void UnpackReleaseDataDirectory() =>
        ZipFile.ExtractToDirectory(Path.Combine(Repository.Root, "Owlmetry.Issues.Tests", "Upgrades", "Fixtures", release), Data.Path);

    [Test]
    public async Task Start_DataDirectoryOfThePreviousRelease_OwnerLogsInAndFindsIssuesOccurrencesCommentAndAttachment()
    {
        var credentials = await ReadCredentialsAsync();
        using var server = new OwlmetryServerFactory(Data.Path);
        using var owner = await LogInAsync(server, credentials);

        var issues = (await owner.GetJsonAsync($"/v1/projects/{credentials.ProjectId}/issues"))["issues"]!.AsArray().Select(i => i!).ToList();
        var refused = issues.Single(i => i.Text("title") == "Connection refused");
        var detail = await owner.GetJsonAsync($"/v1/projects/{credentials.ProjectId}/issues/{refused.Text("id")}");
        var attachment = await owner.GetJsonAsync($"/v1/attachments/{detail["attachments"]![0]!.Text("id")}");
        var bytes = await owner.GetStringAsync(new Uri(attachment["download_url"]!.Text("url")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(issues.Select(i => i.Text("title")), Is.EquivalentTo(new[] { "Connection refused", "Disk full" }), "issues");
            Assert.That(refused["occurrence_count"]!.GetValue<int>(), Is.EqualTo(2), "occurrence count");
            Assert.That(detail["occurrences"]!.AsArray(), Has.Count.EqualTo(2), "occurrences");
            Assert.That(detail["comments"]!.AsArray().Select(c => c!.Text("body")), Is.EqualTo(new[] { "Seen after the 1.0.0 rollout" }), "comments");
            Assert.That(attachment.Text("original_filename"), Is.EqualTo("trace.txt"), "attachment");
            Assert.That(bytes, Is.EqualTo("stack trace of the refused connection\n"), "the attachment's bytes");
        }
    }

    [Test]
    public async Task Start_DataDirectoryOfThePreviousRelease_AgentAndClientKeysStillWork()
    {
        var credentials = await ReadCredentialsAsync();
        using var server = new OwlmetryServerFactory(Data.Path);
        using var agent = server.CreateClient();
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credentials.AgentKey);
        using var sdk = server.CreateClient();
        sdk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credentials.ClientKey);

        var ingest = await sdk.PostAsJsonAsync("/v1/ingest", new { events = new[] { new { message = "Disk full", level = "error", session_id = Guid.NewGuid() } } });
        var scan = await agent.PostAsJsonAsync($"/v1/teams/{credentials.TeamId}/jobs/trigger", new { job_type = "issue_scan" });
        var diskFull = (await agent.GetJsonAsync($"/v1/projects/{credentials.ProjectId}/issues"))["issues"]!.AsArray()
            .Select(i => i!).Single(i => i.Text("title") == "Disk full");

        Assert.That(ingest.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the client key");
        Assert.That(scan.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the agent key");
        Assert.That(diskFull["occurrence_count"]!.GetValue<int>(), Is.EqualTo(2), "a new event joins the issue the previous release made");
    }

    [Test]
    public async Task ReserveAttachment_ForAnEventThePreviousReleaseScanned_IsLinkedToItsIssue()
    {
        var credentials = await ReadCredentialsAsync();
        using var server = new OwlmetryServerFactory(Data.Path);
        using var owner = await LogInAsync(server, credentials);
        var diskFull = (await owner.GetJsonAsync($"/v1/projects/{credentials.ProjectId}/issues"))["issues"]!.AsArray()
            .Select(i => i!).Single(i => i.Text("title") == "Disk full").Text("id");

        // The third event of generate-release-data.sh; that release recorded where the scan put it apart from its client event id.
        var attachment = await server.CreateApiClient(credentials.ClientKey).AddAttachmentAsync("reserved after the upgrade", Guid.Parse("11111111-1111-4111-8111-111111111113"));

        Assert.That((await server.CreateApiClient(credentials.AgentKey).GetAttachmentAsync(attachment)).IssueId, Is.EqualTo(Guid.Parse(diskFull)));
    }

    [Test]
    public async Task Merge_IssuesOfThePreviousRelease_KeepsEveryOccurrenceAcrossARestart()
    {
        var credentials = await ReadCredentialsAsync();
        string refusedId;
        using (var server = new OwlmetryServerFactory(Data.Path))
        {
            using var owner = await LogInAsync(server, credentials);
            var issues = (await owner.GetJsonAsync($"/v1/projects/{credentials.ProjectId}/issues"))["issues"]!.AsArray().Select(i => i!).ToList();
            refusedId = issues.Single(i => i.Text("title") == "Connection refused").Text("id");
            var diskFullId = issues.Single(i => i.Text("title") == "Disk full").Text("id");

            var merge = await owner.PostAsJsonAsync($"/v1/projects/{credentials.ProjectId}/issues/{refusedId}/merge", new { source_issue_id = diskFullId });

            Assert.That(merge.StatusCode, Is.EqualTo(HttpStatusCode.OK), "merging two issues the previous release made");
        }

        using var restarted = new OwlmetryServerFactory(Data.Path);
        using var client = await LogInAsync(restarted, credentials);
        var detail = await client.GetJsonAsync($"/v1/projects/{credentials.ProjectId}/issues/{refusedId}");
        var listed = (await client.GetJsonAsync($"/v1/projects/{credentials.ProjectId}/issues"))["issues"]!.AsArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(detail["occurrence_count"]!.GetValue<int>(), Is.EqualTo(3), "occurrence count after the merge and a restart");
            Assert.That(detail["occurrences"]!.AsArray(), Has.Count.EqualTo(3), "occurrences listed after the merge and a restart");
            Assert.That(listed, Has.Count.EqualTo(1), "issues after the merge");
        }
    }

    private static async Task<HttpClient> LogInAsync(OwlmetryServerFactory server, InitialCredentials credentials)
    {
        var client = server.CreateClient();
        var login = await client.PostAsJsonAsync("/v1/auth/login", new { email = credentials.UserEmail, password = credentials.UserPassword });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the owner's password of the previous release");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.JsonAsync()).Text("token"));
        return client;
    }

    [Test]
    public void Open_DatabaseOfThePreviousRelease_IsAtTheCurrentSchemaVersionAfterwards()
    {
        var path = Data.File("owlmetry.db");

        new LiteDbIssueStore(path).Dispose();

        using var database = new LiteDatabase($"Filename={path};Collation={Collation.Binary}");
        Assert.That(database.GetCollection(CollectionNames.Meta).FindById("schema")["Version"].AsInt32, Is.EqualTo(LiteDbSchema.Migrations.Count));
    }
}
