namespace Owlmetry.Samples.Worker.Reporting;

#region IssueLoggerProvider
// Forwards the app's Error and Critical log entries, with their exception, as error events.
[ProviderAlias("OwlmetryIssues")]
public sealed class IssueLoggerProvider(IssueReports reports) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new IssueLogger(categoryName, reports);

    public void Dispose()
    {
    }

    private sealed class IssueLogger(string category, IssueReports reports) : ILogger
    {
        // Not the library's own log: a store that fails would otherwise report its failure to itself, again and again.
        private readonly bool _forwards = !category.StartsWith("Owlmetry.Issues", StringComparison.Ordinal);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => _forwards && logLevel is LogLevel.Error or LogLevel.Critical;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            reports.Report(exception is null ? message : $"{message}: {exception.Message}", category, exception);
        }
    }
}
#endregion
