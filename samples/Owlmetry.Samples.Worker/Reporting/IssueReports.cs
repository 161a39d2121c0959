using System.Globalization;
using System.Threading.Channels;
using Owlmetry.Issues.Ingest;

namespace Owlmetry.Samples.Worker.Reporting;

// The app's errors on their way to the library: reporting only queues an event, so a log call never waits for the
// store; IssueReportWriter ingests the queue in the background.
public sealed class IssueReports(TimeProvider time, IHostEnvironment environment)
{
    private const int MaxMessageLength = 10_000;
    private static readonly string? s_version = typeof(IssueReports).Assembly.GetName().Version?.ToString(3);

    // When the store is slower than the errors come, the newest are dropped rather than growing the queue without end.
    private readonly Channel<IncomingEvent> _queue =
        Channel.CreateBounded<IncomingEvent>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });

    private static readonly AsyncLocal<Guid?> s_session = new();

    internal ChannelReader<IncomingEvent> Pending => _queue.Reader;

    // A session is one unit of work, here the import of one order. The errors of a session within a few seconds are
    // one burst and file one issue; an issue counts one occurrence per session. Outside a session, each report is one.
    public IDisposable BeginSession()
    {
        var outer = s_session.Value;
        s_session.Value = Guid.NewGuid();
        return new SessionScope(outer);
    }

    // For exceptions the app handles without logging them as errors, but wants to see as issues.
    public void Report(Exception exception, string? module = null) =>
        Report($"{exception.GetType().Name}: {exception.Message}", module, exception);

    public void Report(string message, string? module, Exception? exception)
    {
        #region IncomingEvent
        _queue.Writer.TryWrite(new IncomingEvent
        {
            Message = message.Length > MaxMessageLength ? message[..MaxMessageLength] : message,
            Level = "error",
            SessionId = (s_session.Value ?? Guid.NewGuid()).ToString(),
            ClientEventId = Guid.NewGuid().ToString(),  // ingest drops a repeat of the same id
            SourceModule = module,
            Environment = "backend",
            IsDev = environment.IsDevelopment(),
            AppVersion = s_version,
            Timestamp = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            // _error_type keeps apart errors of one message thrown as different exceptions.
            CustomAttributes = exception is null
                ? null
                : new Dictionary<string, string> { ["_error_type"] = exception.GetType().FullName!, ["exception"] = exception.ToString() },
        });
        #endregion
    }

    private sealed class SessionScope(Guid? outer) : IDisposable
    {
        public void Dispose() => s_session.Value = outer;
    }
}
