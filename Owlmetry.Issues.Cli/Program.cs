namespace Owlmetry.Issues.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args) => OwlmetryCli.RunAsync(args, CliContext.FromProcess());
}
