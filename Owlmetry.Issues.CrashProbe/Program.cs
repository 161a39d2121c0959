namespace Owlmetry.Issues.CrashProbe;

/// <summary>
/// <c>Owlmetry.Issues.CrashProbe DB TEAM PROJECT APP SEED [MAX_SECONDS [DURABILITY]]</c>: opens the LiteDB store at DB and writes
/// to it in a loop (seeds, merges, comments, status changes, ingest and scans) until it is killed, printing one
/// line per committed unit. It stops by itself after MAX_SECONDS (default 120) so that a dead test runner does
/// not leave it running.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (!ProbeArguments.TryParse(args, out var arguments))
        {
            await Console.Error.WriteLineAsync(ProbeArguments.Usage);
            return 2;
        }

        await using var services = ProbeServices.Build(arguments);
        var loop = new ProbeLoop(services, arguments, Console.Out);
        Console.Out.WriteLine("ready");
        using var timeout = new CancellationTokenSource(arguments.MaxDuration);
        await loop.RunAsync(timeout.Token);
        return 0;
    }
}
