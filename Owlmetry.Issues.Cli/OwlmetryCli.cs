using System.CommandLine;
using System.CommandLine.Completions;
using Owlmetry.Issues.Cli.Commands;

namespace Owlmetry.Issues.Cli;

/// <summary>
/// The <c>owlmetry</c> command line: parses, runs one command, and answers 0 (done), 1 (refused by the server, or no
/// answer from it), 2 (usage) or 130 (interrupted).
/// </summary>
internal static class OwlmetryCli
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken ct = default)
    {
        var app = new CliApp(context);
        var root = new RootCommand(
            "owlmetry: triage the issues of an Owlmetry Issues server from a terminal or a script.\n"
            + "Exit codes: 0 done, 1 refused by the server or no answer from it (the reason on standard error), 2 usage,\n"
            + "130 interrupted (Ctrl+C).\n\n"
            + "Example:\n  owlmetry login --server http://localhost:4000 --token owl_agent_…\n  owlmetry issues list");
        root.Options.Add(app.ProfileOption);
        root.Options.Add(app.JsonOption);
        root.Subcommands.Add(LoginCommand.Create(app));
        root.Subcommands.Add(DirectoryCommands.WhoAmI(app));
        root.Subcommands.Add(IssueCommands.Create(app));
        root.Subcommands.Add(CommentCommands.Create(app));
        root.Subcommands.Add(DirectoryCommands.Projects(app));
        root.Subcommands.Add(DirectoryCommands.Apps(app));
        root.Subcommands.Add(DirectoryCommands.Keys(app));
        root.Subcommands.Add(DirectoryCommands.Members(app));
        root.Subcommands.Add(DirectoryCommands.Users(app));
        root.Subcommands.Add(IngestCommands.Ingest(app));
        root.Subcommands.Add(IngestCommands.Scan(app));

        var parsed = root.Parse(args);
        // Ctrl+C (or SIGTERM) cancels the command's token, so that it stops as it chose (exit code 130); one that has
        // not stopped 2 s later is ended with that code anyway.
        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error, ProcessTerminationTimeout = TimeSpan.FromSeconds(2) };
        // The [suggest] directive (shell completion through dotnet-suggest) carries the line being typed as one argument,
        // which never parses as a command: its action completes that line instead, so its parse errors are not usage errors.
        var suggesting = root.Directives.OfType<SuggestDirective>().Any(d => parsed.GetResult(d) is not null);
        if (parsed.Errors.Count > 0 && !suggesting)
        {
            // System.CommandLine answers a parse error with 1; here 1 means "refused by the server", so usage is 2.
            foreach (var error in parsed.Errors)
            {
                await context.WriteErrorAsync(error.Message);
            }

            await context.Error.WriteLineAsync($"Run '{string.Join(' ', ["owlmetry", .. CommandPath(parsed), "--help"])}' for usage.");
            return CliApp.Usage;
        }

        return await parsed.InvokeAsync(configuration, ct);
    }

    private static IEnumerable<string> CommandPath(ParseResult parsed)
    {
        var names = new Stack<string>();
        for (var result = parsed.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Push(result.Command.Name);
        }

        return names;
    }
}
