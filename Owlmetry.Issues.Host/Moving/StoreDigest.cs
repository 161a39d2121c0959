using System.Security.Cryptography;

namespace Owlmetry.Issues.Host.Moving;

/// <summary>The count and checksum of every kind of record a server stores, read back through its stores (see <see cref="KindDigest"/>).</summary>
internal static class StoreDigest
{
    public static async Task<IReadOnlyList<(string Kind, KindDigest Digest)>> ComputeAsync(StoreSet stores, int batch, CancellationToken ct)
    {
        var kinds = new List<(string Kind, KindDigest Digest)>();
        KindDigest Kind(string name)
        {
            var digest = new KindDigest();
            kinds.Add((name, digest));
            return digest;
        }

        var directory = await stores.DirectoryExport.ExportDirectoryAsync(ct).ConfigureAwait(false);
        Kind("users").AddRange(directory.Users);
        Kind("teams").AddRange(directory.Teams);
        Kind("memberships").AddRange(directory.Memberships);
        Kind("projects").AddRange(directory.Projects);
        Kind("apps").AddRange(directory.Apps);
        Kind("api keys").AddRange(directory.Keys);
        Kind("webhooks").AddRange(await stores.WebhookExport.ExportWebhooksAsync(ct).ConfigureAwait(false));
        await AddAsync(Kind("webhook deliveries"), StoreRecords.Deliveries(stores.WebhookExport, batch, ct)).ConfigureAwait(false);

        var issues = stores.Issues;
        await AddAsync(Kind("issues"), StoreRecords.Issues(issues, batch, ct)).ConfigureAwait(false);
        await AddAsync(Kind("fingerprints"), StoreRecords.Fingerprints(issues, batch, ct)).ConfigureAwait(false);
        await AddAsync(Kind("occurrences"), StoreRecords.Occurrences(issues, batch, ct)).ConfigureAwait(false);
        await AddAsync(Kind("comments"), StoreRecords.Comments(issues, batch, ct)).ConfigureAwait(false);
        await AddAsync(Kind("attachments"), StoreRecords.Attachments(issues, batch, ct)).ConfigureAwait(false);
        await AddAsync(Kind("audit records"), StoreRecords.AuditRecords(issues, batch, ct)).ConfigureAwait(false);
        await AddAsync(Kind("events"), StoreRecords.Events(issues, batch, ct)).ConfigureAwait(false);
        var scanState = await issues.ReadAsync(
            async r => new { Checkpoint = await r.GetScanCheckpointAsync().ConfigureAwait(false), LastSequence = await r.GetLastEventSequenceAsync().ConfigureAwait(false) },
            ct).ConfigureAwait(false);
        Kind("scan state").Add(scanState);
        await AddAsync(Kind("client event ids"), StoreRecords.ClientEvents(issues, batch, ct)).ConfigureAwait(false);
        await AddAsync(Kind("scan runs"), StoreRecords.ScanRuns(issues, batch, ct)).ConfigureAwait(false);
        await AddAsync(Kind("notifications"), StoreRecords.Notifications(issues, batch, ct)).ConfigureAwait(false);
        Kind("digest times").AddRange(await issues.ReadAsync(
            async r => (await ((Issues.Storage.Export.IIssueStoreExportReader)r).ExportDigestTimesAsync().ConfigureAwait(false)).OrderBy(d => d.Key).ToList(),
            ct).ConfigureAwait(false));
        // Derived from the attachment rows, but kept as counters by LiteDB: what the quotas will read on the copy.
        var usage = Kind("attachment quota use");
        foreach (var project in directory.Projects)
        {
            usage.Add(new { project.Id, Bytes = await issues.ReadAsync(r => r.GetProjectAttachmentBytesAsync(project.Id), ct).ConfigureAwait(false) });
        }

        var secrets = Kind("user-token secret");
        if (await stores.ReadJwtSecret(ct).ConfigureAwait(false) is { } secret)
        {
            secrets.Add(secret);
        }

        var files = Kind("attachment files");
        await foreach (var page in StoreRecords.Attachments(issues, batch, ct).ConfigureAwait(false))
        {
            foreach (var attachment in page)
            {
                var content = await stores.Blobs.OpenReadAsync(attachment.Id, ct).ConfigureAwait(false);
                if (content is not null)
                {
                    await using (content.ConfigureAwait(false))
                    {
                        files.Add(new { attachment.Id, Sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct).ConfigureAwait(false)) });
                    }
                }
            }
        }

        return kinds;
    }

    private static async Task AddAsync<T>(KindDigest digest, IAsyncEnumerable<IReadOnlyList<T>> pages)
    {
        await foreach (var page in pages.ConfigureAwait(false))
        {
            digest.AddRange(page);
        }
    }
}
