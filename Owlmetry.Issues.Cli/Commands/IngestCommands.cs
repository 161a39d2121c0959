using System.CommandLine;
using System.Text.Json;
using Owlmetry.Issues.Contracts;

namespace Owlmetry.Issues.Cli.Commands;

internal static class IngestCommands
{
    private static readonly JsonSerializerOptions s_json = IssuesJson.CreateOptions();

    public static Command Ingest(CliApp app)
    {
        var file = new Option<FileInfo>("--file") { Description = "A JSON file: {\"events\": [...]} as the API takes it, or a bare array of events", Required = true };
        var command = CliApp.Command(
            "ingest",
            "Send events from a JSON file with a client key (handy for testing an installation). Exits 1 when the server refuses any event.",
            "owlmetry ingest --file events.json --profile sdk", file);
        app.OnRun(command, async run =>
        {
            var batch = await ReadAsync(run.Value(file), run.Ct);
            var result = await run.Client.IngestAsync(batch, run.Ct);
            run.Output.Show(result, w => w.WriteLine($"{result.Accepted} accepted, {result.Rejected} rejected"));
            if (result.Rejected > 0)
            {
                // Once each, on standard error as every refusal is; this server's message names the event already.
                foreach (var error in result.Errors ?? [])
                {
                    var named = $"events[{error.Index}]";
                    await app.Context.WriteErrorAsync(error.Message.StartsWith(named, StringComparison.Ordinal) ? error.Message : $"{named}: {error.Message}");
                }

                throw new PartlyRefusedException();
            }
        });
        return command;
    }

    public static Command Scan(CliApp app)
    {
        var command = CliApp.Command("scan", "Run an issue scan now and wait for it: the events received so far become issues.", "owlmetry scan --team 1b2c…", app.TeamOption);
        app.OnRun(command, async run =>
        {
            var scan = await run.Client.TriggerScanAsync(run.Team(app.TeamOption), run.Ct);
            run.Output.Show(scan, w => w.WriteLine(scan.Result is { } r
                ? $"Scan {scan.Id} {TerminalText.Line(scan.Status)}: {r.EventsProcessed} events, {r.IssuesCreated} new issues, {r.IssuesRegressed} regressed, {r.IssuesUnsnoozed} woken"
                : $"Scan {scan.Id} {TerminalText.Line(scan.Status)}{(scan.Error is { } e ? $": {TerminalText.Line(e)}" : string.Empty)}"));
        });
        return command;
    }

    private static async Task<IngestRequest> ReadAsync(FileInfo file, CancellationToken ct)
    {
        if (!file.Exists)
        {
            throw new UsageException($"No file {file.FullName}");
        }

        await using var stream = file.OpenRead();
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        return document.RootElement.ValueKind == JsonValueKind.Array
            ? new IngestRequest(document.RootElement.Deserialize<List<IngestEventRequest>>(s_json) ?? [])
            : document.RootElement.Deserialize<IngestRequest>(s_json) ?? throw new UsageException("The file holds JSON null.");
    }
}
