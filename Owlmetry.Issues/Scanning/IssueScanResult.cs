namespace Owlmetry.Issues.Scanning;

/// <summary>What a scan did.</summary>
/// <param name="EventsProcessed">Error events scanned.</param>
/// <param name="IssuesCreated">New issues.</param>
/// <param name="IssuesRegressed">Resolved issues that occurred again in a newer app version.</param>
/// <param name="IssuesUnsnoozed">Snoozed issues that occurred again.</param>
/// <param name="OccurrencesCreated">New occurrences (one per issue and session).</param>
public sealed record IssueScanResult(int EventsProcessed, int IssuesCreated, int IssuesRegressed, int IssuesUnsnoozed, int OccurrencesCreated)
{
    /// <summary>A scan that found nothing to do.</summary>
    public static IssueScanResult Empty { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The sum of two results.</summary>
    public IssueScanResult Add(IssueScanResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            EventsProcessed + other.EventsProcessed, IssuesCreated + other.IssuesCreated, IssuesRegressed + other.IssuesRegressed,
            IssuesUnsnoozed + other.IssuesUnsnoozed, OccurrencesCreated + other.OccurrencesCreated);
    }
}
