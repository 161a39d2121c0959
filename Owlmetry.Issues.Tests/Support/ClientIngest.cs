using Owlmetry.Issues.Client;
using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>The SDK side of ingest through <see cref="OwlmetryIssuesClient"/>: error events with the fields a test does not care about filled in.</summary>
internal static class ClientIngest
{
    /// <summary>An error event in a session of its own.</summary>
    public static IngestEventRequest Error(string message, Guid? clientEventId = null) => new()
    {
        Message = message, Level = "error", SessionId = Guid.NewGuid().ToString(), ClientEventId = clientEventId?.ToString(),
    };

    /// <summary>Sends one batch of <paramref name="events"/>; throws the server's refusal.</summary>
    public static Task<IngestResponse> IngestAsync(this OwlmetryIssuesClient sdk, params IngestEventRequest[] events) =>
        sdk.IngestAsync(new IngestRequest(events));

    /// <summary>Sends one error event per message, in one batch.</summary>
    public static Task<IngestResponse> IngestErrorsAsync(this OwlmetryIssuesClient sdk, params string[] messages) =>
        sdk.IngestAsync([.. messages.Select(m => Error(m))]);
}
