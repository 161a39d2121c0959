using System.Text.Json;
using System.Text.Json.Nodes;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Cli;

/// <summary>
/// Text the server sends, much of it chosen by whoever holds a client key, reaches the terminal of whoever runs the
/// command: its escape sequences and bidi controls are printed as U+FFFD, never run. <c>--json</c> escapes them itself.
/// </summary>
public sealed class CliTerminalTextTests : CliApiFixture
{
    // Clears the screen, sets the window's title (ended by BEL), hides what follows, and makes a link (OSC 8, ended by
    // ESC \); then U+202E shows "exe.txt" as "txt.exe".
    private const string Hostile = "\u001b[2J\u001b]0;owned\u0007\u001b[8mhidden \u001b]8;;https://evil.example/\u001b\\link\u001b]8;;\u001b\\ \u202Eexe.txt";

    // Short enough for an event's app_version (50 characters at most).
    private const string HostileVersion = "\u001b[2J\u202E1.0";

    [Test]
    public async Task IssuesListAndShow_AnEventWithEscapeSequences_PrintsThemAsReplacementCharacters()
    {
        var events = Path.Combine(ConfigDirectory, "events.json");
        await File.WriteAllTextAsync(events, JsonSerializer.Serialize(new[]
        {
            new { message = "Crash " + Hostile, level = "error", session_id = Guid.NewGuid(), app_version = HostileVersion, user_id = Hostile },
        }));
        var sdk = await RunAsync("login", "--profile", "sdk", "--server", Factory.Server.BaseAddress.ToString(), "--token",
            await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));
        await LoginAsync(Team.Token(TeamRole.Owner));
        var ingested = await RunAsync("ingest", "--file", events, "--profile", "sdk");
        var scanned = await RunAsync("scan");
        Assert.That(new[] { sdk.Exit, ingested.Exit, scanned.Exit }, Is.All.Zero, sdk + ingested.ToString() + scanned);
        var id = JsonNode.Parse((await RunAsync("issues", "list", "--json")).Out)!.AsArray().Single()!["id"]!.GetValue<string>();

        var list = await RunAsync("issues", "list");
        var show = await RunAsync("issues", "show", id);

        AssertPrintedSafely(list, "issues list");
        AssertPrintedSafely(show, "issues show");
        Assert.That(show.Out, Does.StartWith("Crash \uFFFD[2J\uFFFD]0;owned\uFFFD\uFFFD[8mhidden"), show.ToString());
        Assert.That(show.Out, Does.Contain("versions    \uFFFD[2J\uFFFD1.0"), "the event's app version, in issues show");
    }

    [Test]
    public async Task CommentsListAndIssuesShow_ABodyWithEscapeSequences_PrintsThemAsReplacementCharacters_KeepingItsLines()
    {
        var issue = (await Team.SeedIssueAsync()).Id.ToString();
        await LoginAsync(Team.Token(TeamRole.Member));
        var added = await RunAsync("comments", "add", issue, "First line " + Hostile + "\nsecond line");
        Assert.That(added.Exit, Is.Zero, added.ToString());

        var list = await RunAsync("comments", "list", issue);
        var show = await RunAsync("issues", "show", issue);

        AssertPrintedSafely(list, "comments list");
        AssertPrintedSafely(show, "issues show");
        Assert.That(list.Out, Does.Contain("First line \uFFFD[2J"), "a table cell: the body on one line");
        Assert.That(show.Out, Does.Contain("\uFFFDexe.txt\n    second line\n"), "issues show: the body's second line, indented");
    }

    [Test]
    public async Task ARefusalQuotingEscapeSequences_PrintsThemAsReplacementCharacters()
    {
        // The server's error names the permission it does not know, as it was sent.
        await LoginAsync(Team.Token(TeamRole.Owner));

        var run = await RunAsync("keys", "create", "--name", "bot", "--permission", HostileVersion);

        Assert.That(run.Exit, Is.EqualTo(1), run.ToString());
        AssertPrintedSafely(run, "the error line");
        Assert.That(run.Error, Does.StartWith("error: Unknown permission: \uFFFD[2J\uFFFD1.0; valid values:"));
    }

    [Test]
    public async Task Ingest_ARefusedEventsReasonQuotingEscapeSequences_PrintsThemAsReplacementCharacters()
    {
        // The server's reason for refusing the event names its environment, as it was sent.
        var events = Path.Combine(ConfigDirectory, "events.json");
        await File.WriteAllTextAsync(events, JsonSerializer.Serialize(new[]
        {
            new { message = "fine", level = "error", session_id = Guid.NewGuid(), environment = HostileVersion },
        }));
        await LoginAsync(await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite), withProject: false);

        var run = await RunAsync("ingest", "--file", events);

        Assert.That(run.Exit, Is.EqualTo(1), run.ToString());
        AssertPrintedSafely(run, "ingest");
        Assert.That(run.Error, Does.StartWith("error: events[0]: environment '\uFFFD[2J\uFFFD1.0' is not allowed"), run.ToString());
    }

    [Test]
    public async Task IssuesList_ATitleCutAtTheTablesWidth_IsNeverCutInsideACharacter()
    {
        // 70 letters, then a character outside the BMP (two UTF-16 units) where the cell is cut (72 units at most).
        await Team.SeedIssueAsync(new string('a', 70) + "\U0001F989 owl and more text beyond the cut");
        await LoginAsync(Team.Token(TeamRole.Member));

        var run = await RunAsync("issues", "list");

        Assert.That(run.Exit, Is.Zero, run.ToString());
        Assert.That(run.Out.EnumerateRunes().Any(r => r == System.Text.Rune.ReplacementChar), Is.False, "the cut split a surrogate pair:\n" + run);
        Assert.That(run.Out, Does.Contain(new string('a', 70) + "…"));
    }

    private static void AssertPrintedSafely(CliRun run, string what)
    {
        var printed = run.Out + run.Error;
        // As a JSON string, the control characters escaped: a failure's message must not run them in the test's terminal.
        var shown = JsonSerializer.Serialize(printed);
        Assert.Multiple(() =>
        {
            Assert.That(printed.Contains('\u001b'), Is.False, $"{what} printed an ESC (U+001B) from the server's text: {shown}");
            Assert.That(printed.Contains('\u0007'), Is.False, $"{what} printed a BEL (U+0007) from the server's text: {shown}");
            Assert.That(printed.Contains('\u202E'), Is.False, $"{what} printed a bidi override (U+202E) from the server's text: {shown}");
            Assert.That(printed.Contains("\uFFFD[2J"), Is.True, $"{what} did not show the ESC as U+FFFD: {shown}");
        });
    }
}
