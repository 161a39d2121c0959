namespace Owlmetry.Issues.Cli;

/// <summary>
/// Ctrl+C typed where the tool reads the keys itself (a password at a terminal): there it is a key, not the signal
/// that cancels the command (exit code 130 all the same).
/// </summary>
internal sealed class InterruptedException() : Exception("Interrupted by Ctrl+C.");
