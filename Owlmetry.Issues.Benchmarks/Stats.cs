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
