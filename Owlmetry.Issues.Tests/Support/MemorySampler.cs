using System.Diagnostics;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// Samples, every few milliseconds, the managed heap as the last garbage collection left it (live data, not
/// allocation churn) and the process working set, and reports the peak growth of each over the start.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly long _heapAtStart;
    private readonly long _workingSetAtStart;
    private readonly Task<(long Heap, long WorkingSet)> _peaks;

    private MemorySampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        _heapAtStart = GC.GetGCMemoryInfo().HeapSizeBytes;
        _workingSetAtStart = WorkingSet();
        _peaks = Task.Run(SampleAsync);
    }

    public static MemorySampler Start() => new();

    /// <returns>The peak growth of the managed heap and of the working set, in bytes.</returns>
    public async Task<(long HeapGrowth, long WorkingSetGrowth)> StopAsync()
    {
        await _stop.CancelAsync();
        var (heap, workingSet) = await _peaks;
        return (heap - _heapAtStart, workingSet - _workingSetAtStart);
    }

    public void Dispose() => _stop.Dispose();

    private static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private async Task<(long Heap, long WorkingSet)> SampleAsync()
    {
        long heap = _heapAtStart, workingSet = _workingSetAtStart;
        while (!_stop.IsCancellationRequested)
        {
            heap = Math.Max(heap, GC.GetGCMemoryInfo().HeapSizeBytes);
            workingSet = Math.Max(workingSet, WorkingSet());
            try
            {
                await Task.Delay(5, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (heap, workingSet);
    }
}
