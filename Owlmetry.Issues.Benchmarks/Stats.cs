using System.Diagnostics;
using System.Globalization;

namespace Owlmetry.Issues.Benchmarks;

internal static class Stats
{
    public static string Percentiles(IReadOnlyList<TimeSpan> samples)
    {
        var sorted = samples.Select(s => s.TotalMilliseconds).Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.50):0.00} ms, p95 {At(0.95):0.00} ms (n={sorted.Length})");
    }

    public static string Rate(long count, TimeSpan elapsed, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{count / elapsed.TotalSeconds:N0} {unit}/s ({count:N0} in {elapsed.TotalSeconds:0.00} s)");

    /// <summary>
    /// A rate with the CPU time this process spent meanwhile: on a shared machine the wall-clock rate swings with
    /// other load, while CPU time per event stays comparable between runs.
    /// </summary>
    public static string Rate(long count, TimeSpan elapsed, TimeSpan cpu, string unit) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{count / elapsed.TotalSeconds:N0} {unit}/s ({count:N0} in {elapsed.TotalSeconds:0.00} s; CPU {cpu.TotalSeconds:0.00} s, {cpu.TotalMicroseconds / count:0} µs per {unit.TrimEnd('s')})");

    /// <summary>A process's CPU time over a run and its share per event.</summary>
    public static string CpuPerEvent(TimeSpan cpu, int events) =>
        string.Create(CultureInfo.InvariantCulture, $"CPU {cpu.TotalSeconds:0.00} s, {cpu.TotalMicroseconds / events:0} µs per event");

    /// <summary>This process's GC pause time and collection counts so far.</summary>
    public static (TimeSpan Pause, int Gen0, int Gen1, int Gen2) Gc() =>
        (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    /// <summary>GC pauses and collections since <paramref name="start"/>.</summary>
    public static string GcSince((TimeSpan Pause, int Gen0, int Gen1, int Gen2) start)
    {
        var now = Gc();
        return string.Create(CultureInfo.InvariantCulture,
            $"GC paused {(now.Pause - start.Pause).TotalSeconds:0.00} s, collections gen0/1/2 {now.Gen0 - start.Gen0}/{now.Gen1 - start.Gen1}/{now.Gen2 - start.Gen2}");
    }

    /// <summary>CPU time of this process so far (all threads).</summary>
    public static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>CPU time of another process so far, from /proc (user + system).</summary>
    public static TimeSpan Cpu(int processId)
    {
        var fields = File.ReadAllText($"/proc/{processId}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>
    /// CPU time of every PostgreSQL process on this machine so far: the live ones' own (user + system), and what the
    /// ones that ended left in their parent's children counters.
    /// </summary>
    public static TimeSpan PostgreSqlCpu()
    {
        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (int.TryParse(Path.GetFileName(directory), out _) && File.ReadAllText(Path.Combine(directory, "comm")).Trim() == "postgres")
                {
                    var fields = File.ReadAllText(Path.Combine(directory, "stat")).Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    ticks += fields[11..15].Sum(field => long.Parse(field, CultureInfo.InvariantCulture));
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed;
    }

    /// <summary>The peak resident set (VmHWM) of a process, from /proc.</summary>
    public static string PeakMemory(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kib = line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{kib / 1024.0:0} MiB");
    }
}
