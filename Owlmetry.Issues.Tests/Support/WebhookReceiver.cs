using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>A real HTTP endpoint on 127.0.0.1 (Kestrel, a free port) that records every webhook POST it receives.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>The status code to answer the n-th request with (1-based); 200 unless set.</summary>
    public Func<int, int> StatusFor { get; set; } = _ => StatusCodes.Status200OK;

    /// <summary>How long each request waits, once recorded, before it is answered: a sender slow to settle.</summary>
    public TimeSpan AnswerDelay { get; set; }

    public string Url => _app.Urls.Single().TrimEnd('/') + "/hook";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var number = Interlocked.Increment(ref receiver._count);
            var status = receiver.StatusFor(number);
            receiver.Received.Enqueue(new ReceivedWebhook(
                body, context.Request.ContentType, context.Request.Headers["Owlmetry-Event"].ToString(),
                context.Request.Headers["Owlmetry-Delivery"].ToString(), context.Request.Headers["Owlmetry-Signature"].ToString(), status));
            await Task.Delay(receiver.AnswerDelay);
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Waits (briefly, on the real clock) until at least <paramref name="count"/> requests arrived.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(int count, double seconds = 10)
    {
        await Poll.UntilAsync(() => Received.Count >= count, TimeSpan.FromSeconds(seconds), $"{count} webhook requests");
        return Received.ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record ReceivedWebhook(string Body, string? ContentType, string Event, string DeliveryId, string Signature, int AnsweredWith);
