using Owlmetry.Issues.Ingest;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>Ingests a batch of events from one app, as <c>POST /v1/ingest</c> does.</summary>
internal sealed record IngestCommand(TenantApp App, IReadOnlyList<IncomingEvent> Events) : WorldCommand
{
    public override async Task<string> RunAsync(ProviderSide side, StateView before) =>
        StateText.Outcome(
            await side.Ingestor.IngestAsync(App.Source, Events),
            r => $"accepted {r.Accepted}, rejected {r.Rejected}{string.Concat(r.Errors.Select(e => $"; {e.Message}"))}");

    public override string ToString() => $"ingest into {App.Info.Name}: [{string.Join("; ", Events.Select(Describe))}]";

    private static string Describe(IncomingEvent e) =>
        $"{e.Level} {StateText.Text(e.Message)} module {StateText.Text(e.SourceModule)} "
        + $"session {(Guid.TryParse(e.SessionId, out var session) ? EventPool.SessionLabel(session) : e.SessionId)} user {StateText.Text(e.UserId)} "
        + $"app {StateText.Text(e.AppVersion)} sdk {StateText.Text(e.SdkVersion)} env {StateText.Text(e.Environment)}"
        + (e.IsDev == true ? " dev" : "")
        + (e.ClientEventId is { } id ? $" client_event_id …{id[^2..]}" : "")
        + $" at {e.Timestamp}";
}
