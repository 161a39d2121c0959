using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Docs;

/// <summary>
/// Runs the README's quick start, as written, with bash: <c>dotnet run --project Owlmetry.Issues.Host</c> is
/// routed to the server built with these tests, and port 4000 to a free port (through <c>PORT</c>), so the block
/// stays true.
/// </summary>
[Category("Slow")]
public sealed class ReadmeQuickStartTests
{
    private const string Start = "<!-- quickstart -->";
    private const string End = "<!-- /quickstart -->";

    [Test]
    public async Task QuickStart_RunAsWritten_ListsTheReportedIssue()
    {
        using var folder = new TempFolder();
        var port = FreePort.Next();
        var host = Path.Combine(TestContext.CurrentContext.TestDirectory, "Owlmetry.Issues.Host.dll");
        var script = $$"""
            set -euo pipefail
            export PORT={{port}}
            dotnet() {
              if [ "$1" = run ] && [ "$2" = --project ] && [ "$3" = Owlmetry.Issues.Host ]; then
                shift 3; [ "${1:-}" = -- ] && shift
                command dotnet "{{host}}" "$@"
              else
                command dotnet "$@"
              fi
            }
            {{QuickStartBlock().Replace("localhost:4000", $"127.0.0.1:{port}", StringComparison.Ordinal)}}
            """;

        var (exitCode, output, errors) = await RunBashAsync(script, folder.Path, TimeSpan.FromSeconds(90));

        Assert.That(exitCode, Is.Zero, $"the quick start failed:\n{errors}\n{output}");
        // The server started in the background shares the script's stdout: its console log ("Request finished", ...)
        // can land right after the last curl's answer, on the same line (curl prints no newline). So the answer is
        // read as the one JSON value that starts at the last {"issues", whatever follows it.
        var answer = output.LastIndexOf("{\"issues\"", StringComparison.Ordinal);
        Assert.That(answer, Is.GreaterThanOrEqualTo(0), $"no issue list in the output:\n{output}");
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(output[answer..]), new JsonReaderOptions { AllowMultipleValues = true });
        var issues = JsonNode.Parse(ref reader)?["issues"]?.AsArray();
        Assert.That(issues?.Select(i => i!["title"]!.GetValue<string>()), Is.EqualTo(new[] { "Connection refused" }), output);
    }

    private static string QuickStartBlock()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.That(start >= 0 && end > start, Is.True, "README.md must keep its quick start between the quickstart markers");
        var block = readme[(start + Start.Length)..end];
        return block[(block.IndexOf("```sh", StringComparison.Ordinal) + 5)..block.LastIndexOf("```", StringComparison.Ordinal)];
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunBashAsync(string script, string workingDirectory, TimeSpan timeout)
    {
        // setsid puts the script and the server it starts in the background into one process group, killed as a whole.
        var start = new ProcessStartInfo("setsid", ["bash", "-c", script])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        finally
        {
            using var kill = Process.Start("kill", ["-KILL", "--", $"-{process.Id}"]);
            await kill!.WaitForExitAsync();
        }

        return (process.ExitCode, await output, await errors);
    }
}
