using System.Diagnostics;

namespace Owlmetry.Issues.Benchmarks;

/// <summary>
/// Times an engine-floor run of bulk inserts one transaction at a time, and reports the whole run and its last fifth
/// (where the cost of a store grown by the run shows).
/// </summary>
internal sealed class BulkInsertTiming(int total, int perUnit)
{
    /// <summary>The first row of the last fifth, at a unit's start, so that the fifth holds whole units.</summary>
    private readonly int _lastFifthStart = total * 4 / 5 / perUnit * perUnit;

    private (TimeSpan Elapsed, TimeSpan Cpu) _whole;
    private (TimeSpan Elapsed, TimeSpan Cpu) _lastFifth;

    /// <summary>Each unit's first row and its number of rows: <c>perUnit</c>, the last one what is left of the total.</summary>
    public IEnumerable<(int Start, int Count)> Units =>
        Enumerable.Range(0, (total + perUnit - 1) / perUnit).Select(unit => (unit * perUnit, Math.Min(perUnit, total - (unit * perUnit))));

    /// <summary>Runs and times the unit whose first row is <paramref name="start"/>.</summary>
    public void Time(int start, Action unit)
    {
        var cpu = Stats.Cpu();
        var clock = Stopwatch.StartNew();
        unit();
        var (elapsed, used) = (clock.Elapsed, Stats.Cpu() - cpu);
        _whole = (_whole.Elapsed + elapsed, _whole.Cpu + used);
        if (start >= _lastFifthStart)
        {
            _lastFifth = (_lastFifth.Elapsed + elapsed, _lastFifth.Cpu + used);
        }
    }

    public void Report(Report report, string measure, string rows)
    {
        var lastCount = total - _lastFifthStart;
        report.Row(measure, $"0 to {total:N0} {rows}", Stats.Rate(total, _whole.Elapsed, _whole.Cpu, rows));
        report.Row(measure, $"last {lastCount:N0} of {total:N0}", Stats.Rate(lastCount, _lastFifth.Elapsed, _lastFifth.Cpu, rows));
    }
}
