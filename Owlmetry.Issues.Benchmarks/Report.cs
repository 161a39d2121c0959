using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Owlmetry.Issues.Benchmarks;

/// <summary>Collects results as Markdown rows for docs/performance.md, and echoes progress to stderr.</summary>
internal sealed class Report
{
    private readonly StringBuilder _text = new();

    public void Machine() =>
        _text.AppendLine(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {DateTime.UtcNow:yyyy-MM-dd}");

    public void Section(string title)
    {
        _text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {title}").AppendLine();
        _text.AppendLine("| measure | data size | result |").AppendLine("|---|---|---|");
        Progress(title);
    }

    public void Row(string measure, string size, string result)
    {
        _text.AppendLine(CultureInfo.InvariantCulture, $"| {measure} | {size} | {result} |");
        Progress($"  {measure} @ {size}: {result}");
    }

    public static void Progress(string line) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");

    public override string ToString() => _text.ToString();
}
