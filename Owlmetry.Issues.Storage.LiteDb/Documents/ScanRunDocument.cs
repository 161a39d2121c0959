using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>The stored shape of a <see cref="ScanRun"/>, its result flattened.</summary>
internal sealed class ScanRunDocument
{
    public Guid Id { get; set; }

    public Guid? TriggeredByTeamId { get; set; }

    public string Status { get; set; } = "";

    public long StartedAt { get; set; }

    public long? CompletedAt { get; set; }

    public bool HasResult { get; set; }

    public int EventsProcessed { get; set; }

    public int IssuesCreated { get; set; }

    public int IssuesRegressed { get; set; }

    public int IssuesUnsnoozed { get; set; }

    public int OccurrencesCreated { get; set; }

    public string? Error { get; set; }

    /// <summary><c>team|started|id</c> of a run a team triggered, null for a background run: a team's job list is one range.</summary>
    public string? TeamKey { get; set; }

    public static ScanRunDocument From(ScanRun run) => new()
    {
        Id = run.Id,
        TriggeredByTeamId = run.TriggeredByTeamId,
        Status = run.Status,
        StartedAt = UnixTime.From(run.StartedAt),
        CompletedAt = UnixTime.From(run.CompletedAt),
        HasResult = run.Result is not null,
        EventsProcessed = run.Result?.EventsProcessed ?? 0,
        IssuesCreated = run.Result?.IssuesCreated ?? 0,
        IssuesRegressed = run.Result?.IssuesRegressed ?? 0,
        IssuesUnsnoozed = run.Result?.IssuesUnsnoozed ?? 0,
        OccurrencesCreated = run.Result?.OccurrencesCreated ?? 0,
        Error = run.Error,
        TeamKey = run.TriggeredByTeamId is { } teamId ? StorageKeys.TeamRow(teamId, new KeysetKey(UnixTime.From(run.StartedAt), run.Id)) : null,
    };

    public ScanRun ToRun() => new()
    {
        Id = Id,
        TriggeredByTeamId = TriggeredByTeamId,
        Status = Status,
        StartedAt = UnixTime.ToTime(StartedAt),
        CompletedAt = UnixTime.ToTime(CompletedAt),
        Result = HasResult ? new IssueScanResult(EventsProcessed, IssuesCreated, IssuesRegressed, IssuesUnsnoozed, OccurrencesCreated) : null,
        Error = Error,
    };
}
