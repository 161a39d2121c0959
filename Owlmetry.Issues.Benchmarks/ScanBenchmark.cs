using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Ingest;
using Owlmetry.Issues.Projects;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Benchmarks;

/// <summary>The library's ingest and scan of 200,000 error events on LiteDB (or PostgreSQL), without HTTP; then of 200,000 more.</summary>
internal sealed class ScanBenchmark(Report report, double scale, int? scanBatch, BenchStorage storage, bool recentTimestamps)
{
    public async Task RunAsync()
    {
        var workload = new EventWorkload((int)(200_000 * scale), recentTimestamps);
        var folder = Directory.CreateTempSubdirectory("owlmetry-bench-");
        try
        {
            var services = new ServiceCollection();
            storage.Use(services.AddOwlmetryIssues(o => o.ScanBatchSize = scanBatch), Path.Combine(folder.FullName, "bench.db"));
            await using var provider = services.BuildServiceProvider();
            var directory = provider.GetRequiredService<InMemoryIssueDirectory>();
            var project = directory.AddProject(new ProjectInfo(Guid.NewGuid(), Guid.NewGuid(), "bench"));
            var app = directory.AddApp(new AppInfo(Guid.NewGuid(), project.Id, "api"));
            var ingestor = provider.GetRequiredService<EventIngestor>();
            var scanner = provider.GetRequiredService<IssueScanner>();
            var unitSize = scanBatch ?? provider.GetRequiredService<IIssueStore>().PreferredScanBatchSize;
            var source = new IngestSource(app.Id, project.Id, "backend");
            report.Section($"Library ingest and scan on {storage.Name}");

            var size = $"{workload.Count:N0} events, 2,000 messages, 10,000 sessions, 5,000 users, {workload.Timestamps}";
            await PassAsync(ingestor, scanner, source, workload, size, unitSize);
            await PassAsync(ingestor, scanner, source, new EventWorkload(workload.Count, recentTimestamps), $"{workload.Count:N0} more events of new sessions, warm process, {workload.Timestamps}", unitSize);
        }
        finally
        {
            folder.Delete(recursive: true);
            await storage.DropSchemasAsync();
        }
    }

    /// <summary>
    /// Ingests the workload's events and scans them in one pass. The first pass
    /// meets a cold process and an empty store; the second the process warm and the first's issues, its events of new
    /// sessions (so each is a new occurrence, as in the first).
    /// </summary>
    private async Task PassAsync(EventIngestor ingestor, IssueScanner scanner, IngestSource source, EventWorkload workload, string size, int unitSize)
    {
        // The events are made before the clock starts: the bench measures ingest, not the workload generator.
        var batches = workload.Batches(100, DateTimeOffset.UtcNow).ToList();
        await storage.CheckpointAsync();
        var cpu = Stats.Cpu();
        var ingest = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            await ingestor.IngestAsync(source, batch);
        }

        report.Row("ingest (EventIngestor, batches of 100, one caller)", size, Stats.Rate(workload.Count, ingest.Elapsed, Stats.Cpu() - cpu, "events"));

        await storage.CheckpointAsync();
        var postgreSqlCpu = Stats.PostgreSqlCpu();
        cpu = Stats.Cpu();
        var gc = Stats.Gc();
        var scan = Stopwatch.StartNew();
        var result = await scanner.ScanAsync();
        report.Row($"scan (one pass, {unitSize:N0} events per unit of work)", size, Stats.Rate(result.EventsProcessed, scan.Elapsed, Stats.Cpu() - cpu, "events") + "; " + Stats.GcSince(gc));
        if (storage.Name == "PostgreSQL")
        {
            report.Row("PostgreSQL CPU during the scan (every postgres process)", size, Stats.CpuPerEvent(Stats.PostgreSqlCpu() - postgreSqlCpu, workload.Count));
        }

        report.Row("scan result", size, $"{result.IssuesCreated:N0} issues, {result.OccurrencesCreated:N0} occurrences");
    }
}
