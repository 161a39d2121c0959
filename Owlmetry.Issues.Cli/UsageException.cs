namespace Owlmetry.Issues.Cli;

/// <summary>The command line cannot be carried out as given (exit code 2): a missing profile, project or file.</summary>
internal sealed class UsageException(string message) : Exception(message);
