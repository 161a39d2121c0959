using System.Globalization;

namespace Owlmetry.Issues.Benchmarks;

/// <summary>A server's GC figures at one moment; <see cref="Since"/> states what happened between two of them.</summary>
internal sealed record ServerGc(long AllocatedBytes, double PauseSeconds, long Gen0, long Gen1, long Gen2)
{
    public string Since(ServerGc start, int events) => string.Create(CultureInfo.InvariantCulture,
        $"{(AllocatedBytes - start.AllocatedBytes) / 1024.0 / events:0.0} KB allocated per event; collections gen0/1/2 {Gen0 - start.Gen0}/{Gen1 - start.Gen1}/{Gen2 - start.Gen2}, paused {PauseSeconds - start.PauseSeconds:0.00} s");
}
