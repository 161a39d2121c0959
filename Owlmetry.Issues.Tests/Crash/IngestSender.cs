using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Owlmetry.Issues.Tests.Crash;

/// <summary>
/// Sends batches from a few concurrent clients, as SDKs retrying after errors would: a batch counts as acknowledged
/// when a response said 200, and any other outcome (a refused or dropped connection) leaves it to be sent again.
/// </summary>
internal sealed class IngestSender(HttpClient client)
{
    private readonly ConcurrentQueue<string> _problems = new();
    private int _acknowledged;

    /// <summary>Batches acknowledged by this sender so far.</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>Responses that broke the contract (not failures of a dying server, which are expected).</summary>
    public IReadOnlyCollection<string> Problems => _problems;

    /// <summary>Sends each batch once from <paramref name="concurrency"/> clients, until all are sent or <paramref name="stop"/> fires.</summary>
    public async Task SendAsync(IEnumerable<IngestBatch> batches, int concurrency, CancellationToken stop)
    {
        var queue = new ConcurrentQueue<IngestBatch>(batches);
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && queue.TryDequeue(out var batch))
            {
                await SendOneAsync(batch, expectDuplicate: false);
            }
        }));
        await Task.WhenAll(workers);
    }

    /// <summary>Sends acknowledged batches again, as a client that missed the response would: nothing of them may be accepted twice.</summary>
    public async Task ResendAcknowledgedAsync(IEnumerable<IngestBatch> batches)
    {
        foreach (var batch in batches)
        {
            await SendOneAsync(batch, expectDuplicate: true);
        }
    }

    private async Task SendOneAsync(IngestBatch batch, bool expectDuplicate)
    {
        HttpStatusCode status;
        string body;
        try
        {
            using var content = new StringContent(batch.Json, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri("/v1/ingest", UriKind.Relative), content);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            // The server died under the request: not acknowledged, so the batch will be sent again.
            return;
        }

        if (status != HttpStatusCode.OK)
        {
            _problems.Enqueue($"batch {batch.Index}: {(int)status} {body}");
            return;
        }

        var accepted = JsonNode.Parse(body)!["accepted"]!.GetValue<int>();
        if (expectDuplicate && accepted != 0)
        {
            _problems.Enqueue($"batch {batch.Index}, acknowledged before, was sent again and {accepted} of its events were accepted again");
        }

        batch.Acknowledged = true;
        Interlocked.Increment(ref _acknowledged);
    }
}
