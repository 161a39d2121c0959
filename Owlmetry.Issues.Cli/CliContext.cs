using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Client;

namespace Owlmetry.Issues.Cli;

/// <summary>What a run of the tool reads and writes: the console, the profile folder, and (for tests) the HTTP handlers.</summary>
internal sealed class CliContext
{
    /// <summary>The client's default (100 s, HttpClient's own): long enough for <c>scan</c>, which waits for the scan.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = new OwlmetryIssuesClientOptions().Timeout;

    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public required TextReader In { get; init; }

    /// <summary>
    /// Reads a password typed at the terminal, unechoed, after the prompt it is given (<see cref="TerminalPassword"/>):
    /// set when standard input is a terminal. Null when it is a pipe or a file, whose next line is then the password.
    /// </summary>
    public Func<string, string>? ReadTypedPassword { get; init; }

    /// <summary>Whether a password or token is typed at a prompt (standard input is a terminal), for a message asking for one.</summary>
    public bool PasswordsAreTyped => ReadTypedPassword is not null;

    /// <summary>Where <c>profiles.json</c> lives.</summary>
    public required string ConfigDirectory { get; init; }

    /// <summary>Adds to the client's HTTP pipeline; tests put the in-process server's handler here.</summary>
    public Action<IHttpClientBuilder>? ConfigureHttp { get; init; }

    /// <summary>How long a request, its retries included, may wait for the server before the command gives up (exit code 1).</summary>
    public TimeSpan RequestTimeout { get; init; } = DefaultRequestTimeout;

    /// <summary>Prints <c>error: </c> and the message on standard error, made safe for a terminal: it may quote the server.</summary>
    public Task WriteErrorAsync(string message) => Error.WriteLineAsync($"error: {TerminalText.Line(message)}");

    /// <summary>
    /// A password: typed unseen after <paramref name="prompt"/> (on standard error) at a terminal, else the next line of
    /// standard input, as a script gives it; null at the end of standard input.
    /// </summary>
    public async Task<string?> ReadPasswordAsync(string prompt, CancellationToken ct) =>
        ReadTypedPassword is { } readTyped ? readTyped(prompt) : await In.ReadLineAsync(ct);

    public static CliContext FromProcess() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        In = Console.In,
        ReadTypedPassword = Console.IsInputRedirected ? null : TerminalPassword.ReadFromConsole,
        ConfigDirectory = DefaultConfigDirectory(),
    };

    // OWLMETRY_CONFIG_DIR, else $XDG_CONFIG_HOME/owlmetry, else ~/.config/owlmetry (the platform's application data folder).
    private static string DefaultConfigDirectory() =>
        Environment.GetEnvironmentVariable("OWLMETRY_CONFIG_DIR") is { Length: > 0 } configured ? configured
        : Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? Path.Combine(xdg, "owlmetry")
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify), "owlmetry");
}
