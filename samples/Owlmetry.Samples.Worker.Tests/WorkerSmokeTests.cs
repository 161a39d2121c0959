using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Owlmetry.Issues.Domain;

namespace Owlmetry.Samples.Worker.Tests;

// The worker as Program.cs runs it: its host imports the orders and stops, then the summary scans and lists.
public sealed class WorkerSmokeTests
{
    private const string NoCustomer = "Order 1002 has no customer";
    private const string Declined = "Order 1003 could not be imported: The card was declined";
    private const string TimedOut = "TimeoutException: The payment provider did not answer within 10 s";
    private static readonly TimeSpan s_runTimeout = TimeSpan.FromSeconds(30);
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("owlmetry-worker-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Run_InMemory_FilesLoggedErrorsAndReportedExceptionAsThreeIssues()
    {
        var (issues, output, notified) = await RunWorkerAsync("--Issues:DataFile=");

        Assert.That(Occurrences(issues), Is.EquivalentTo(new Dictionary<string, int>
        {
            [NoCustomer] = 2,   // two orders, one issue: the order numbers are normalized away
            [Declined] = 1,     // logged with its exception
            [TimedOut] = 1,     // reported by hand, not logged as an error
        }));
        Assert.That(issues.Select(i => i.Status), Is.All.EqualTo(IssueStatus.New));
        Assert.That(output, Does.Contain("Issues of \"Order imports\": 3"), "the warning of order 1006 files nothing");
        Assert.That(
            output.Split('\n').Where(line => line.StartsWith("  new", StringComparison.Ordinal)).Select(line => line[(line.IndexOf(")  ", StringComparison.Ordinal) + 3)..].TrimEnd()),
            Is.EqualTo(new[] { NoCustomer, Declined, TimedOut }),
            "the summary's issues, by title as the README prints them");
        // Told by the background scan's notifications, the summary's, or both (at least once: a delivery cut short by the
        // stop comes again).
        var told = notified.SelectMany(n => n.Split('\n').Skip(1)).Distinct().ToList();
        Assert.That(told, Is.EquivalentTo(new[] { NoCustomer, Declined, TimedOut }), string.Join("\n---\n", notified));
    }

    [Test]
    public async Task Run_TwiceOnOneLiteDbFile_KeepsTheIssuesAndCountsEachRunsOrders()
    {
        var dataFile = $"--Issues:DataFile={Path.Combine(_folder, "issues.db")}";

        await RunWorkerAsync(dataFile);
        var (issues, _, _) = await RunWorkerAsync(dataFile);

        Assert.That(Occurrences(issues), Is.EquivalentTo(new Dictionary<string, int>
        {
            [NoCustomer] = 4,
            [Declined] = 2,
            [TimedOut] = 2,
        }));
    }

    private static async Task<(IReadOnlyList<Issue> Issues, string Output, IReadOnlyList<string> Notified)> RunWorkerAsync(params string[] args)
    {
        var notifier = new NotifierLog();
        var builder = WorkerHost.CreateBuilder(args);
        builder.Logging.AddProvider(notifier);
        using var host = builder.Build();
        using var timeout = new CancellationTokenSource(s_runTimeout);
        await host.StartAsync(timeout.Token);
        await host.WaitForShutdownAsync(timeout.Token);
        Assert.That(timeout.IsCancellationRequested, Is.False, "the worker stops by itself when the orders are imported");

        using var output = new StringWriter();
        var issues = await IssueSummary.PrintAsync(host.Services, output);
        return (issues, output.ToString(), [.. notifier.Messages]);
    }

    // Titles are the first event's message: the first order of each kind.
    private static Dictionary<string, int> Occurrences(IEnumerable<Issue> issues) =>
        issues.ToDictionary(i => i.Title, i => i.OccurrenceCount);

    // What ConsoleNotifier logs.
    private sealed class NotifierLog : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => categoryName == typeof(ConsoleNotifier).FullName ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
