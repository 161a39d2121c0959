namespace Owlmetry.Issues.Scanning;

/// <summary>A recorded run of the issue scan.</summary>
public sealed record ScanRun
{
    /// <summary>The run id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The team whose trigger asked for the run; null for the background scan.</summary>
    public Guid? TriggeredByTeamId { get; init; }

    /// <summary><c>running</c>, <c>completed</c> or <c>failed</c>.</summary>
    public required string Status { get; init; }

    /// <summary>When the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run ended.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>What the run did, once completed: in the projects of the team that triggered it, or in all for the background scan.</summary>
    public IssueScanResult? Result { get; init; }

    /// <summary>Why the run failed.</summary>
    public string? Error { get; init; }
}
