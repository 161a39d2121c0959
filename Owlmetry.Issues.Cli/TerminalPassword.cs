using System.Text;

namespace Owlmetry.Issues.Cli;

/// <summary>
/// A password typed at a terminal: a prompt on standard error (standard output may be going to a file or a script),
/// then the keys, each intercepted so that the terminal does not echo it. Enter ends the password, Backspace takes
/// back the last character, Ctrl+C stops the command (exit code 130). Nothing of the password is written anywhere.
/// </summary>
internal static class TerminalPassword
{
    /// <summary>Reads a password typed at the terminal of this process.</summary>
    public static string ReadFromConsole(string prompt)
    {
        // Ctrl+C comes as a key while the password is typed, not as SIGINT: ReadKey cannot be cancelled, so the signal
        // would leave the command waiting for a key until System.CommandLine's 2 s grace ended the process.
        var ctrlCWasInput = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        try
        {
            return Read(prompt, () => Console.ReadKey(intercept: true), Console.Error);
        }
        finally
        {
            Console.TreatControlCAsInput = ctrlCWasInput;
        }
    }

    /// <summary>Writes <paramref name="prompt"/> to <paramref name="promptTo"/>, then reads the password from the keys of <paramref name="readKey"/>.</summary>
    /// <exception cref="InterruptedException">Ctrl+C was typed.</exception>
    public static string Read(string prompt, Func<ConsoleKeyInfo> readKey, TextWriter promptTo)
    {
        promptTo.Write(prompt);
        var password = new StringBuilder();
        while (true)
        {
            var key = readKey();
            if (key.Key == ConsoleKey.Enter)
            {
                // The line break the terminal did not echo, so that what follows starts on a line of its own.
                promptTo.WriteLine();
                return password.ToString();
            }

            if (key.Key == ConsoleKey.C && key.Modifiers.HasFlag(ConsoleModifiers.Control))
            {
                promptTo.WriteLine();
                throw new InterruptedException();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    // A character beyond the BMP is two UTF-16 units, taken back together.
                    password.Length -= password.Length > 1 && char.IsLowSurrogate(password[^1]) ? 2 : 1;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
