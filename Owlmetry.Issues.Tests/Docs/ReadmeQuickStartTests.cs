using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Docs;

/// <summary>
/// Runs the README's quick start, as written, with bash: <c>dotnet run --project Owlmetry.Issues.Host</c> is routed
/// to the server built with these tests (by a <c>dotnet</c> on the PATH that execs it, so the quick start's
/// <c>kill</c> reaches the server as it reaches <c>dotnet run</c>'s), and its port to a free one, so the block stays
/// true. It runs alone and after the "Commands" section's server has started in the same folder: either order works.
/// </summary>
[Category("Slow")]
public sealed class ReadmeQuickStartTests
{
    private const string Start = "<!-- quickstart -->";
    private const string End = "<!-- /quickstart -->";
    private const string QuickStartAddress = "localhost:4100";
    private const string Stopped = "the quick start's server stopped";
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(120);

    [Test]
    public async Task QuickStart_RunAsWritten_ListsTheReportedIssueStopsItsServerAndLeavesTheFolderAsItWas()
    {
        using var folder = new TempFolder();
        using var tools = new TempFolder();
        var port = FreePort.Next();

        var (exitCode, output, errors) = await RunBashAsync(Script(tools, port, before: string.Empty), folder.Path, s_timeout);

        Assert.That(exitCode, Is.Zero, $"the quick start failed:\n{errors}\n{output}");
        Assert.That(ListedTitles(output), Is.EqualTo(new[] { "Connection refused" }), output);
        Assert.That(output, Does.Contain(Stopped), "the quick start's kill stops the server it started");
        Assert.That(Directory.GetFileSystemEntries(folder.Path), Is.Empty, "nothing written where the quick start ran (no credentials, no data)");
    }

    [Test]
    public async Task QuickStart_AfterTheCommandsSectionsServerStarted_RunsBesideItAndLeavesItsDataAlone()
    {
        using var folder = new TempFolder();
        using var tools = new TempFolder();
        var port = FreePort.Next();
        var commandsPort = FreePort.Next();
        var credentials = $"owlmetry-data/{DirectoryBootstrapper.CredentialsFileName}";
        // The "Commands" section's server, started as written from the same folder, on a free port instead of 4000; it
        // sets up ./owlmetry-data on its first start.
        var before = $$"""
            PORT={{commandsPort}} {{CommandsServerStart()}} > "{{tools.File("commands-server.log")}}" 2>&1 &
            until curl -sf http://127.0.0.1:{{commandsPort}}/health > /dev/null; do sleep 0.2; done
            until [ -s {{credentials}} ]; do sleep 0.2; done
            sha256sum {{credentials}} > "{{tools.File("credentials.sha256")}}"
            """;
        var after = $$"""
            sha256sum -c --quiet "{{tools.File("credentials.sha256")}}"
            curl -sf http://127.0.0.1:{{commandsPort}}/health > /dev/null
            """;

        var (exitCode, output, errors) = await RunBashAsync(Script(tools, port, before, after), folder.Path, s_timeout);

        Assert.That(exitCode, Is.Zero, $"the quick start failed beside the Commands server:\n{errors}\n{output}");
        Assert.That(ListedTitles(output), Is.EqualTo(new[] { "Connection refused" }), output);
        Assert.That(output, Does.Contain(Stopped));
        Assert.That(Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "owlmetry-data" }));
    }

    private static string Script(TempFolder tools, int port, string before, string after = "")
    {
        var host = Path.Combine(TestContext.CurrentContext.TestDirectory, "Owlmetry.Issues.Host.dll");
        var bin = tools.File("bin");
        Directory.CreateDirectory(bin);
        Directory.CreateDirectory(tools.File("tmp"));
        var dotnet = Path.Combine(bin, "dotnet");
        File.WriteAllText(dotnet, $$"""
            #!/usr/bin/env bash
            if [ "$1" = run ] && [ "$2" = --project ] && [ "$3" = Owlmetry.Issues.Host ]; then
              shift 3; if [ "${1:-}" = -- ]; then shift; fi
              exec "$QUICKSTART_TEST_DOTNET" "{{host}}" "$@"
            fi
            exec "$QUICKSTART_TEST_DOTNET" "$@"
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var quickStart = QuickStartBlock().Replace(QuickStartAddress, $"127.0.0.1:{port}", StringComparison.Ordinal);
        Assert.That(quickStart, Does.Contain($"127.0.0.1:{port}"), $"the quick start names its address, {QuickStartAddress}");
        return $$"""
            set -euo pipefail
            export QUICKSTART_TEST_DOTNET="$(command -v "{{ChildProcess.DotnetHost()}}")"
            export PATH="{{bin}}:$PATH" TMPDIR="{{tools.File("tmp")}}"
            {{before}}
            {{quickStart}}
            for _ in $(seq 1 300); do
              if ! curl -s -o /dev/null http://127.0.0.1:{{port}}/health; then echo "{{Stopped}}"; break; fi
              sleep 0.1
            done
            {{after}}
            """;
    }

    // The server started in the background shares the script's stdout: its console log ("Request finished", ...) can
    // land right after the last curl's answer, on the same line (curl prints no newline). So the answer is read as
    // the one JSON value that starts at the last {"issues", whatever follows it.
    private static IEnumerable<string>? ListedTitles(string output)
    {
        var answer = output.LastIndexOf("{\"issues\"", StringComparison.Ordinal);
        Assert.That(answer, Is.GreaterThanOrEqualTo(0), $"no issue list in the output:\n{output}");
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(output[answer..]), new JsonReaderOptions { AllowMultipleValues = true });
        return JsonNode.Parse(ref reader)?["issues"]?.AsArray().Select(i => i!["title"]!.GetValue<string>());
    }

    private static string QuickStartBlock()
    {
        var readme = Readme();
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.That(start >= 0 && end > start, Is.True, "README.md must keep its quick start between the quickstart markers");
        var block = readme[(start + Start.Length)..end];
        return block[(block.IndexOf("```sh", StringComparison.Ordinal) + 5)..block.LastIndexOf("```", StringComparison.Ordinal)];
    }

    /// <summary>The first shell block of the README's "Commands" section: the command that starts the server.</summary>
    private static string CommandsServerStart()
    {
        var readme = Readme();
        var section = readme.IndexOf("## Commands", StringComparison.Ordinal);
        Assert.That(section, Is.GreaterThanOrEqualTo(0), "README.md has a Commands section");
        var start = readme.IndexOf("```sh", section, StringComparison.Ordinal) + 5;
        var command = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)].Trim();
        Assert.That(command, Does.StartWith("dotnet run --project Owlmetry.Issues.Host").And.Not.Contain('\n'), "the Commands section starts the server first");
        return command;
    }

    private static string Readme() => File.ReadAllText(Path.Combine(Repository.Root, "README.md"));

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
