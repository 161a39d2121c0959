using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Owlmetry.Issues.Client;

namespace Owlmetry.Issues.Cli;

/// <summary>The pieces every command shares: the global options, the help layout and the mapping of failures to exit codes.</summary>
internal sealed class CliApp(CliContext context)
{
    public const string DefaultProfile = "default";
    public const int Ok = 0;
    public const int Refused = 1;
    public const int Usage = 2;

    /// <summary>128 + SIGINT, as a shell reports a command stopped by Ctrl+C.</summary>
    public const int Interrupted = 130;

    public CliContext Context => context;

    public Option<string> ProfileOption { get; } = new("--profile")
    {
        Description = "The saved login to use",
        Recursive = true,
        DefaultValueFactory = _ => DefaultProfile,
    };

    public Option<bool> JsonOption { get; } = new("--json")
    {
        Description = "Print JSON instead of text: a record with the API's fields, a list as a bare array of its records (without the API's wrapping object and paging)",
        Recursive = true,
    };

    public Option<Guid?> ProjectOption { get; } = new("--project") { Description = "The project id (default: the profile's)" };

    public Option<Guid?> TeamOption { get; } = new("--team") { Description = "The team id (default: the profile's)" };

    /// <summary>A command whose help ends with an example, with its arguments and options.</summary>
    public static Command Command(string name, string description, string example, params Symbol[] symbols)
    {
        var command = new Command(name, $"{description}\n\nExample:\n  {example}");
        foreach (var symbol in symbols)
        {
            if (symbol is Argument argument)
            {
                command.Arguments.Add(argument);
            }
            else
            {
                command.Options.Add((Option)symbol);
            }
        }

        return command;
    }

    /// <summary>Runs <paramref name="body"/> as the command's action, with the exit codes scripts rely on.</summary>
    public void OnRun(Command command, Func<Invocation, Task> body) =>
        command.SetAction(async (parse, ct) =>
        {
            using var invocation = new Invocation(this, parse, ct);
            try
            {
                await body(invocation);
                return Ok;
            }
            catch (OwlmetryApiException refused)
            {
                await context.WriteErrorAsync($"{refused.Error} ({(int)refused.StatusCode})");
                return Refused;
            }
            catch (PartlyRefusedException)
            {
                return Refused;
            }
            catch (OwlmetryProtocolException notTheApi)
            {
                await context.WriteErrorAsync(notTheApi.Message);
                return Refused;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl+C: the user knows, a shell shows ^C; nothing to add.
                return Interrupted;
            }
            catch (InterruptedException)
            {
                return Interrupted;
            }
            catch (TaskCanceledException timedOut) when (timedOut.InnerException is TimeoutException)
            {
                var seconds = context.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
                await context.WriteErrorAsync($"the server at {invocation.Server} did not answer within {seconds} s");
                return Refused;
            }
            catch (HttpRequestException unreachable)
            {
                await context.WriteErrorAsync($"cannot reach the server: {unreachable.Message}");
                return Refused;
            }
            // A file that cannot be read or written (the profile, --file) is the command line's to fix, as a missing one is.
            catch (Exception usage) when (usage is UsageException or JsonException or IOException or UnauthorizedAccessException)
            {
                await context.WriteErrorAsync(usage.Message);
                return Usage;
            }
        });
}
