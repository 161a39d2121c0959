using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.Export;

namespace Owlmetry.Issues.Host.Moving;

/// <summary>
/// Copies everything a server stores into an empty target, ids kept, through the target stores' own writes: the
/// directory, the webhooks, the issue store kind by kind a page per unit of work, the user-token secret and the
/// attachment bytes. Progress is reported per kind.
/// </summary>
internal sealed class StoreCopier(StoreSet source, StoreSet target, int batch, Func<string, long, Task> copied)
{
    /// <param name="bytes">Whether to copy the attachment files: not when both sides keep them in the same folder.</param>
    public async Task CopyAsync(bool bytes, CancellationToken ct)
    {
        await CopyDirectoryAsync(ct).ConfigureAwait(false);
        await CopyWebhooksAsync(ct).ConfigureAwait(false);
        await CopyIssueStoreAsync(ct).ConfigureAwait(false);
        await CopyJwtSecretAsync(ct).ConfigureAwait(false);
        if (bytes)
        {
            await CopyAttachmentBytesAsync(ct).ConfigureAwait(false);
        }
    }

    private async Task CopyDirectoryAsync(CancellationToken ct)
    {
        var directory = await source.DirectoryExport.ExportDirectoryAsync(ct).ConfigureAwait(false);
        foreach (var user in directory.Users)
        {
            await target.Directory.AddUserAsync(user, ct).ConfigureAwait(false);
        }

        // A team is written with its first membership, as the server creates it; the others follow in list order.
        var firstOfTeam = directory.Memberships.GroupBy(m => m.TeamId).ToDictionary(g => g.Key, g => g.First());
        foreach (var team in directory.Teams)
        {
            var first = firstOfTeam.GetValueOrDefault(team.Id)
                ?? throw new InvalidOperationException($"Team {team.Id} ({team.Slug}) has no member; the server never writes such a team.");
            await target.Directory.AddTeamAsync(team, first, ct).ConfigureAwait(false);
        }

        foreach (var membership in directory.Memberships.Where(m => !ReferenceEquals(firstOfTeam.GetValueOrDefault(m.TeamId), m)))
        {
            await target.Directory.AddMembershipAsync(membership, ct).ConfigureAwait(false);
        }

        foreach (var project in directory.Projects)
        {
            await target.Directory.SaveProjectAsync(project, ct).ConfigureAwait(false);
        }

        foreach (var app in directory.Apps)
        {
            await target.Directory.AddAppAsync(app, ct).ConfigureAwait(false);
        }

        foreach (var key in directory.Keys)
        {
            await target.Directory.SaveKeyAsync(key, ct).ConfigureAwait(false);
        }

        await copied("directory", directory.Users.Count + directory.Teams.Count + directory.Memberships.Count + directory.Projects.Count
            + directory.Apps.Count + directory.Keys.Count).ConfigureAwait(false);
    }

    private async Task CopyWebhooksAsync(CancellationToken ct)
    {
        var webhooks = await source.WebhookExport.ExportWebhooksAsync(ct).ConfigureAwait(false);
        foreach (var webhook in webhooks)
        {
            await target.Webhooks.AddWebhookAsync(webhook, ct).ConfigureAwait(false);
        }

        var deliveries = 0L;
        await foreach (var page in StoreRecords.Deliveries(source.WebhookExport, batch, ct).ConfigureAwait(false))
        {
            await target.Webhooks.AddDeliveriesAsync(page, ct).ConfigureAwait(false);
            deliveries += page.Count;
        }

        await copied("webhooks", webhooks.Count + deliveries).ConfigureAwait(false);
    }

    private async Task CopyIssueStoreAsync(CancellationToken ct)
    {
        await CopyAsync("issues", StoreRecords.Issues(source.Issues, batch, ct), (w, issue) => w.InsertIssueAsync(issue), ct).ConfigureAwait(false);
        await CopyAsync("fingerprints", StoreRecords.Fingerprints(source.Issues, batch, ct), (w, alias) => w.AssignFingerprintAsync(alias.Key, alias.Value), ct)
            .ConfigureAwait(false);
        await CopyPagesAsync("occurrences", StoreRecords.Occurrences(source.Issues, batch, ct), (w, page) => w.InsertOccurrencesAsync(page), ct).ConfigureAwait(false);
        await CopyAsync("comments", StoreRecords.Comments(source.Issues, batch, ct), (w, comment) => w.InsertCommentAsync(comment), ct).ConfigureAwait(false);
        await CopyAsync("attachments", StoreRecords.Attachments(source.Issues, batch, ct), (w, attachment) => w.UpsertAttachmentAsync(attachment), ct)
            .ConfigureAwait(false);
        await CopyAsync("audit records", StoreRecords.AuditRecords(source.Issues, batch, ct), (w, record) => w.AppendAuditAsync(record), ct).ConfigureAwait(false);
        await CopyPagesAsync("events", StoreRecords.Events(source.Issues, batch, ct), (w, page) => Import(w).ImportEventsAsync(page), ct).ConfigureAwait(false);
        var (checkpoint, lastSequence) = await source.Issues.ReadAsync(
            async r => (await r.GetScanCheckpointAsync().ConfigureAwait(false), await r.GetLastEventSequenceAsync().ConfigureAwait(false)), ct).ConfigureAwait(false);
        await target.Issues.WriteAsync(
            async w =>
            {
                await w.SetScanCheckpointAsync(checkpoint).ConfigureAwait(false);
                await Import(w).SetLastEventSequenceAsync(lastSequence).ConfigureAwait(false);
                return true;
            },
            ct).ConfigureAwait(false);
        await CopyPagesAsync("client event ids", StoreRecords.ClientEvents(source.Issues, batch, ct), (w, page) => w.RecordClientEventsAsync(page), ct)
            .ConfigureAwait(false);
        await CopyAsync("scan runs", StoreRecords.ScanRuns(source.Issues, batch, ct), (w, run) => w.SaveScanRunAsync(run), ct).ConfigureAwait(false);
        await CopyAsync("notifications", StoreRecords.Notifications(source.Issues, batch, ct), (w, notification) => w.AddNotificationAsync(notification), ct)
            .ConfigureAwait(false);
        var digests = await source.Issues.ReadAsync(r => Export(r).ExportDigestTimesAsync(), ct).ConfigureAwait(false);
        await target.Issues.WriteAsync(
            async w =>
            {
                foreach (var (projectId, at) in digests)
                {
                    await w.SetLastDigestAtAsync(projectId, at).ConfigureAwait(false);
                }

                return true;
            },
            ct).ConfigureAwait(false);
        await copied("digest times", digests.Count).ConfigureAwait(false);
    }

    private async Task CopyJwtSecretAsync(CancellationToken ct)
    {
        if (await source.ReadJwtSecret(ct).ConfigureAwait(false) is not { } secret)
        {
            await copied("user-token secret", 0).ConfigureAwait(false);
            return;
        }

        var store = target.StoreJwtSecret ?? throw new InvalidOperationException($"The {target.Name} target cannot store the user-token secret.");
        if (!await store(secret, ct).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The target already holds a user-token secret.");
        }

        await copied("user-token secret", 1).ConfigureAwait(false);
    }

    private async Task CopyAttachmentBytesAsync(CancellationToken ct)
    {
        var files = 0L;
        await foreach (var page in StoreRecords.Attachments(source.Issues, batch, ct).ConfigureAwait(false))
        {
            foreach (var attachment in page)
            {
                var content = await source.Blobs.OpenReadAsync(attachment.Id, ct).ConfigureAwait(false);
                if (content is null)
                {
                    continue;
                }

                await using (content.ConfigureAwait(false))
                {
                    await target.Blobs.WriteAsync(attachment.Id, content, ct).ConfigureAwait(false);
                }

                files++;
            }
        }

        await copied("attachment files", files).ConfigureAwait(false);
    }

    private async Task CopyAsync<T>(string kind, IAsyncEnumerable<IReadOnlyList<T>> pages, Func<IIssueStoreWriter, T, ValueTask> write, CancellationToken ct) =>
        await CopyPagesAsync(
            kind,
            pages,
            async (w, page) =>
            {
                foreach (var record in page)
                {
                    await write(w, record).ConfigureAwait(false);
                }
            },
            ct).ConfigureAwait(false);

    private async Task CopyPagesAsync<T>(
        string kind, IAsyncEnumerable<IReadOnlyList<T>> pages, Func<IIssueStoreWriter, IReadOnlyList<T>, ValueTask> write, CancellationToken ct)
    {
        var count = 0L;
        await foreach (var page in pages.ConfigureAwait(false))
        {
            await target.Issues.WriteAsync(
                async w =>
                {
                    await write(w, page).ConfigureAwait(false);
                    return true;
                },
                ct).ConfigureAwait(false);
            count += page.Count;
        }

        await copied(kind, count).ConfigureAwait(false);
    }

    private static IIssueStoreExportReader Export(IIssueStoreReader reader) => reader as IIssueStoreExportReader
        ?? throw new InvalidOperationException($"The issue store's reader ({reader.GetType().Name}) cannot export its records.");

    private static IIssueStoreImportWriter Import(IIssueStoreWriter writer) => writer as IIssueStoreImportWriter
        ?? throw new InvalidOperationException($"The issue store's writer ({writer.GetType().Name}) cannot import events with their sequences.");
}
