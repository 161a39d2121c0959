using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Owlmetry.Issues.Attachments;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Host.Backups;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Tests.Crash;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Operations;

/// <summary>
/// The server binary takes batches from three clients and attachments from a fourth while the <c>backup</c> command,
/// another process, has it write a backup. The restored data directory runs a server that accepts the old server's
/// user tokens, and holds every event and attachment acknowledged before the backup began, and the bytes of every
/// attachment it records as uploaded.
/// </summary>
[TestFixture]
[Category("Slow")]
public sealed class BackupUnderLoadTests : HostCrashFixture
{
    private const int Batches = 40;
    private const int Senders = 3;
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Backup_WhileClientsIngestAndUpload_RestoredDataHasEverythingAcknowledgedBeforeIt()
    {
        var folder = Path.GetDirectoryName(Data)!;
        var (backup, restored) = (Path.Combine(folder, "backup"), Path.Combine(folder, "restored"));
        var credentials = await HostProcess.InitAsync(Data);
        Server = await HostProcess.StartAsync(Data, backgroundScan: true);
        var userToken = await LogInAsync(Server, credentials.UserEmail, credentials.UserPassword);
        using var client = Server.Client(credentials.ClientKey);
        var sender = new IngestSender(client);
        var batches = IngestBatch.Create(Batches);
        var uploaded = new ConcurrentQueue<Guid>();
        using var stop = new CancellationTokenSource();
        var ingest = sender.SendAsync(batches, Senders, stop.Token);
        var uploads = UploadUntilStoppedAsync(new OwlmetryIssuesClient(client), uploaded, stop.Token);
        await Poll.UntilAsync(() => sender.Acknowledged >= 5 && uploaded.Count >= 3, s_timeout, "the first acknowledgements");

        var eventsBefore = batches.Where(b => b.Acknowledged).SelectMany(b => b.ClientEventIds).ToList();
        var attachmentsBefore = uploaded.ToList();
        using (var command = ChildProcess.Start(
                   "Owlmetry.Issues.Host.dll", ["backup", "--url", Server.BaseAddress.ToString(), "--data", Data, "--out", backup], folder))
        {
            var exit = await command.WaitForExitAsync(s_timeout, "backup");
            Assert.That(exit, Is.EqualTo(BackupCommand.Succeeded), command.Describe());
        }

        var acknowledgedByThen = sender.Acknowledged;
        await stop.CancelAsync();
        await Task.WhenAll(ingest, uploads);
        Server.Dispose();
        Server = null;
        Assert.That(sender.Problems, Is.Empty, "ingest responses");
        Assert.That(await RestoreCommand.RunAsync(["--from", backup, "--data", restored], TextWriter.Null, TextWriter.Null), Is.EqualTo(RestoreCommand.Succeeded));
        TestContext.Out.WriteLine($"backup began after {eventsBefore.Count / IngestBatch.Size} batches and {attachmentsBefore.Count} attachments "
            + $"were acknowledged, and ended after {acknowledgedByThen} batches");

        Server = await HostProcess.StartAsync(restored, backgroundScan: false);
        using (var user = Server.Client(userToken))
        {
            var issues = await user.GetAsync($"/v1/projects/{credentials.ProjectId}/issues");
            Assert.That(issues.IsSuccessStatusCode, Is.True, $"a token of the old server on the restored one: {(int)issues.StatusCode}");
        }

        Server.Dispose();
        Server = null;
        using var store = new LiteDbIssueStore(HostProcess.DatabasePath(restored));
        var storedEvents = await store.ReadAsync(async r => (await r.ListEventsAfterAsync(0, int.MaxValue)).Select(e => e.ClientEventId).ToHashSet());
        var attachments = new List<IssueAttachment>();
        foreach (var attachmentId in uploaded)
        {
            if (await store.ReadAsync(r => r.FindAttachmentAsync(attachmentId)) is { } attachment)
            {
                attachments.Add(attachment);
            }
        }

        var blobs = new FileSystemAttachmentBlobStore(Path.Combine(restored, "attachments"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(eventsBefore.Where(id => !storedEvents.Contains(id)), Is.Empty, "events acknowledged before the backup began, missing from it");
            Assert.That(attachmentsBefore.Except(attachments.Where(a => a.IsUploaded).Select(a => a.Id)), Is.Empty,
                "attachments acknowledged before the backup began, not uploaded in it");
            foreach (var attachment in attachments.Where(a => a.IsUploaded))
            {
                Assert.That(await Sha256Async(blobs, attachment.Id), Is.EqualTo(attachment.Sha256), $"the bytes of attachment {attachment.Id}, which the backup records as uploaded");
            }

            Assert.That(await StoreInvariants.FindViolationsAsync(store, credentials.ProjectId, [credentials.AppId]), Is.Empty, "the restored store's invariants");
        }
    }

    private static async Task UploadUntilStoppedAsync(OwlmetryIssuesClient sdk, ConcurrentQueue<Guid> uploaded, CancellationToken stop)
    {
        await Task.Yield();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            uploaded.Enqueue(await sdk.AddAttachmentAsync($"stack trace {i}\n{new string('x', 4096)}"));
        }
    }

    private static async Task<string> LogInAsync(HostProcess server, string email, string password)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var response = await client.PostAsJsonAsync("/v1/auth/login", new { email, password });
        return (await response.JsonAsync()).Text("token");
    }

    private static async Task<string?> Sha256Async(IAttachmentBlobStore blobs, Guid attachmentId)
    {
        await using var content = await blobs.OpenReadAsync(attachmentId);
        return content is null ? null : Convert.ToHexStringLower(await SHA256.HashDataAsync(content));
    }
}
