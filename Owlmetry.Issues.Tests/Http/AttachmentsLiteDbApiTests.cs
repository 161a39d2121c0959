using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Host.Observability;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>Attachments in the server as it ships: LiteDB and files in the data directory.</summary>
public sealed class AttachmentsLiteDbApiTests
{
    private TempFolder _data = null!;
    private OwlmetryServerFactory _factory = null!;
    private HttpTeam _team = null!;
    private string _sdkKey = null!;

    [SetUp]
    public async Task SetUp()
    {
        _data = new TempFolder(create: false);
        _factory = new OwlmetryServerFactory(_data.Path);
        _team = await HttpTeam.CreateAsync(_factory);
        _sdkKey = await _team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite);
    }

    [TearDown]
    public void TearDown()
    {
        _factory.Dispose();
        _data.Dispose();
    }

    [Test]
    public async Task Attachment_FromReservationToPurge_LivesInTheDataDirectory()
    {
        Assert.That(MeasuredIssueStore.Beneath(_factory.IssueStore), Is.InstanceOf<LiteDbIssueStore>());
        var sdk = _factory.CreateApiClient(_sdkKey);
        var owner = _factory.CreateApiClient(_team.Token(TeamRole.Owner));
        var clientEventId = Guid.NewGuid();
        await sdk.IngestAsync(ClientIngest.Error("Disk full", clientEventId));
        await owner.TriggerScanAsync(_team.Team.Id);

        var id = await sdk.AddAttachmentAsync("kept on disk", clientEventId);

        var file = Path.Combine(_data.Path, "attachments", id.ToString("N")[..2], id.ToString("N"));
        Assert.That(await File.ReadAllTextAsync(file), Is.EqualTo("kept on disk"));
        var issue = await owner.ListIssuesAsync(_team.Project.Id).FirstAsync();
        var detail = await owner.GetIssueAsync(_team.Project.Id, issue.Id);
        Assert.That(detail.Attachments.Select(a => a.Id), Is.EqualTo(new[] { id }), "reserved after the scan, linked at reservation");
        var url = await owner.GetDownloadUrlAsync(id);
        using (var anonymous = _team.ClientWith(null))
        {
            Assert.That(await anonymous.GetStringAsync(url), Is.EqualTo("kept on disk"));
        }

        await owner.DeleteAttachmentAsync(id);
        _factory.Clock.Advance(TimeSpan.FromDays(8));
        var purged = await _factory.Services.GetRequiredService<AttachmentCleanup>().RunAsync();

        Assert.That(purged.DeletedPurged, Is.EqualTo(1));
        Assert.That(File.Exists(file), Is.False, "the bytes outlived their row");
        Assert.That(await _factory.IssueStore.ReadAsync(r => r.FindAttachmentAsync(id)), Is.Null);
    }

    [Test]
    public async Task DownloadUrl_AfterARestart_StillWorks()
    {
        var id = await _factory.CreateApiClient(_sdkKey).AddAttachmentAsync("survives");
        var url = await _factory.CreateApiClient(_team.Token(TeamRole.Owner)).GetDownloadUrlAsync(id);
        _factory.Dispose();

        _factory = new OwlmetryServerFactory(_data.Path);
        using var anonymous = _factory.CreateClient();
        var response = await anonymous.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the signing key is derived from the kept secret, so links survive a restart");
    }

    [Test]
    [Category("Slow")]
    public async Task Upload_200MegabytesFromANonSeekableStream_StreamsInBoundedMemory()
    {
        const long size = 200L * 1024 * 1024;
        string sha256;
        using (var hash = SHA256.Create())
        {
            sha256 = Convert.ToHexStringLower(await hash.ComputeHashAsync(new GeneratedStream(size)));
        }

        using var sdk = HttpAttachments.StreamingClient(_factory, _sdkKey);
        var reserved = await (await sdk.PostAsJsonAsync("/v1/ingest/attachment", new
        {
            client_event_id = Guid.NewGuid(), original_filename = "heap.dump", content_type = "application/octet-stream", size_bytes = size, sha256,
        })).JsonAsync();
        using var body = new StreamContent(new GeneratedStream(size), bufferSize: 64 * 1024);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Headers.ContentLength = size;

        using var memory = MemorySampler.Start();
        var response = await sdk.PutAsync(reserved.Text("upload_url"), body);
        var (heapGrowth, workingSetGrowth) = await memory.StopAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.JsonAsync())["size_bytes"]!.GetValue<long>(), Is.EqualTo(size));
        TestContext.Out.WriteLine($"managed heap growth {heapGrowth / 1024 / 1024} MiB, working set growth {workingSetGrowth / 1024 / 1024} MiB");
        Assert.That(heapGrowth, Is.LessThan(32L * 1024 * 1024), "the managed heap grew with the file: the body was buffered");
        Assert.That(workingSetGrowth, Is.LessThan(64L * 1024 * 1024), "the process grew with the file: the body was buffered");
        var stored = new FileInfo(((FileSystemAttachmentBlobStore)_factory.Blobs).PathOf(Guid.Parse(reserved.Text("attachment_id"))));
        Assert.That(stored.Length, Is.EqualTo(size));
    }
}
