using Owlmetry.Issues.Benchmarks;

// dotnet run -c Release --project Owlmetry.Issues.Benchmarks -- <store|floor|scan|ingest|all|merge|writes> [--scale 0.1] [--scan-batch N (default: the store's)] [--server-arg --Key=value ...] [--postgresql CONNECTION] [--servers N] [--recent-timestamps]
var command = args.FirstOrDefault() ?? "all";
var scale = args.SkipWhile(a => a != "--scale").Skip(1).Select(double.Parse).DefaultIfEmpty(1.0).First();
var scanBatch = args.SkipWhile(a => a != "--scan-batch").Skip(1).Select(a => (int?)int.Parse(a)).FirstOrDefault();
var storage = new BenchStorage(args.SkipWhile(a => a != "--postgresql").Skip(1).FirstOrDefault());
var serverArgs = args.Select((a, i) => (a, i)).Where(p => p.a == "--server-arg" && p.i + 1 < args.Length).Select(p => args[p.i + 1]).ToList();
var recentTimestamps = args.Contains("--recent-timestamps");
var servers = args.SkipWhile(a => a != "--servers").Skip(1).Select(int.Parse).DefaultIfEmpty(1).First();
var report = new Report();
report.Machine();

if (command is "store" or "all")
{
    await new StoreBenchmark(report, scale, storage).RunAsync();
}

if (command is "floor" or "all")
{
    new EngineFloorBenchmark(report, scale).Run();
    new SqliteFloorBenchmark(report, scale).Run();
}

if (command is "merge")
{
    await new StoreBenchmark(report, scale, storage).RunMergeOnlyAsync();
}

if (command is "writes")
{
    await new StoreBenchmark(report, scale, storage).RunSingleWritesAsync();
}

if (command is "scan" or "all")
{
    await new ScanBenchmark(report, scale, scanBatch, storage, recentTimestamps).RunAsync();
}

if (command is "ingest" or "all")
{
    await new IngestHttpBenchmark(report, scale, serverArgs, storage, servers, recentTimestamps).RunAsync();
}

Console.WriteLine(report);
