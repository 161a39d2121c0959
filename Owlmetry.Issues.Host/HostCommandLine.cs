using System.Reflection;
using Owlmetry.Issues.Host.Accounts;
using Owlmetry.Issues.Host.Backups;
using Owlmetry.Issues.Host.Bootstrap;
using Owlmetry.Issues.Host.Hosting;
using Owlmetry.Issues.Host.Moving;

namespace Owlmetry.Issues.Host;

/// <summary>
/// The binary's command line: one of its commands, help, the version, or else the server with its settings
/// (<c>--Key VALUE</c>, <c>--Key=VALUE</c>, <c>Key=VALUE</c>). The configuration reader skips what it cannot read (a bare
/// word, a short option, a last <c>--Key</c> without a value) and the server would then start on its defaults, creating
/// a data directory where it was run; such arguments are refused instead.
/// </summary>
public static class HostCommandLine
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    private static readonly string[] s_helpFlags = ["--help", "-h", "-?", "/?", "/help"];

    private static readonly HostCommand[] s_commands =
    [
        new("init", InitCommand.Usage, "Creates the first team, owner, project, app and keys in an empty data directory, and prints them.",
            (args, output, error, ct) => InitCommand.RunAsync(args, output, error, ct)),
        new("users", UsersCommand.Usage, "Gives a user a new random password, printed once.",
            (args, output, error, ct) => UsersCommand.RunAsync(args, output, error, ct)),
        new("backup", BackupCommand.Usage, "Copies the data directory; with --url the running server takes the copy.",
            (args, output, error, ct) => BackupCommand.RunAsync(args, output, error, ct)),
        new("restore", RestoreCommand.Usage, "Restores a backup into an empty data directory, with the server stopped.",
            (args, output, error, _) => RestoreCommand.RunAsync(args, output, error)),
        new("copy-to-postgresql", CopyToPostgreSqlCommand.Usage, "Copies a LiteDB data directory into an empty PostgreSQL database and verifies the copy.",
            (args, output, error, ct) => CopyToPostgreSqlCommand.RunAsync(args, output, error, ct)),
    ];

    /// <summary>Runs a command, or answers help, the version or a refusal.</summary>
    /// <returns>The exit code, or <see langword="null"/> when the arguments start the server.</returns>
    public static async Task<int?> TryRunCommandAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is [var name, .. var commandArgs] && s_commands.FirstOrDefault(c => c.Name == name) is { } command)
        {
            if (commandArgs.Any(s_helpFlags.Contains))
            {
                await output.WriteLineAsync(command.Describe());
                return Succeeded;
            }

            try
            {
                return await command.Run(commandArgs, output, error, ct);
            }
            catch (Exception e) when (SettingsFailure.IsSettingsError(e))
            {
                await error.WriteLineAsync($"{command.Name} cannot run: {SettingsFailure.Describe(e)}");
                return Failed;
            }
        }

        if (args is ["help", ..] || args.Any(s_helpFlags.Contains))
        {
            await output.WriteAsync(Help());
            return Succeeded;
        }

        if (args is ["--version"])
        {
            await output.WriteLineAsync(Version);
            return Succeeded;
        }

        if (FindUnreadable(args) is not { } refusal)
        {
            return null;
        }

        await error.WriteLineAsync(refusal);
        await error.WriteLineAsync("Run Owlmetry.Issues.Host --help for the commands and the settings.");
        return UsageError;
    }

    private static string Version =>
        typeof(HostCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    // Reads the arguments as the configuration reader does: --Key and /Key take the next argument as their value.
    private static string? FindUnreadable(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (UnknownTopLevelKey(arg) is { } key)
            {
                return $"Unknown setting '{key}': a setting is --Section:Key VALUE; the ones outside a section are --{string.Join(", --", s_topLevelKeys)}.";
            }

            if (arg.StartsWith("--", StringComparison.Ordinal) || arg.StartsWith('/'))
            {
                if (!arg.Contains('=', StringComparison.Ordinal) && ++i == args.Length)
                {
                    return $"{arg} needs a value: {arg} VALUE or {arg}=VALUE.";
                }
            }
            else if (arg.StartsWith('-'))
            {
                return $"Unknown option '{arg}': settings are given as --Key VALUE or --Key=VALUE.";
            }
            else if (!arg.Contains('=', StringComparison.Ordinal))
            {
                return $"Unknown command '{arg}'.";
            }
        }

        return null;
    }

    // The keys outside a section that the server or its web host reads; any other is a typo the server would ignore,
    // as --dta for --data or --url for --urls would be, and start on its defaults.
    private static readonly string[] s_topLevelKeys =
        ["data", "urls", "PORT", "OWLMETRY_DATA_DIR", "environment", "contentRoot", "applicationName", "AllowedHosts", "http_ports", "https_ports"];

    /// <summary>
    /// The key of a setting argument (<c>--key</c>, <c>/key</c>, <c>key=value</c>) outside any section that the server
    /// does not read.
    /// </summary>
    private static string? UnknownTopLevelKey(string arg)
    {
        var key = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : arg.StartsWith('/') ? arg[1..] : arg.Contains('=', StringComparison.Ordinal) ? arg : null;
        if (key is null)
        {
            return null;
        }

        // A section given as --Section= (empty) sets nothing: hosts that flatten their settings into arguments pass them.
        var parts = key.Split('=', 2);
        return parts[0].Contains(':', StringComparison.Ordinal) || parts is [_, ""] || s_topLevelKeys.Contains(parts[0], StringComparer.OrdinalIgnoreCase)
            ? null
            : parts[0];
    }

    private static string Help() => $"""
        Owlmetry Issues server {Version}

        Usage:
          Owlmetry.Issues.Host [--data DIR] [--urls URL] [--Section:Key VALUE ...]
              Starts the server (data in ./owlmetry-data by default). Settings come from appsettings.json, the
              environment (Section__Key) and the command line; the README lists them.
        {string.Join(Environment.NewLine, s_commands.Select(c => c.Describe()))}
          Owlmetry.Issues.Host --help | --version

        """;

    private sealed record HostCommand(string Name, string Usage, string Summary, Func<string[], TextWriter, TextWriter, CancellationToken, Task<int>> Run)
    {
        public string Describe() => $"  {Usage["Usage: ".Length..]}{Environment.NewLine}      {Summary}";
    }
}
