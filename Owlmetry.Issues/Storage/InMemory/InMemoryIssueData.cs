using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Scanning;

namespace Owlmetry.Issues.Storage.InMemory;

/// <summary>The collections of an <see cref="InMemoryIssueStore"/>; only touched under its lock.</summary>
internal sealed partial class InMemoryIssueData
{
    public Dictionary<Guid, Issue> Issues { get; } = [];

    public Dictionary<FingerprintKey, Guid> Fingerprints { get; } = [];

    /// <summary>Occurrences by issue, then by session: the (issue, session) uniqueness is the key itself.</summary>
    public Dictionary<Guid, Dictionary<Guid, IssueOccurrence>> Occurrences { get; } = [];

    public Dictionary<Guid, IssueComment> Comments { get; } = [];

    public Dictionary<Guid, IssueAttachment> Attachments { get; } = [];

    public List<AuditRecord> AuditRecords { get; } = [];

    /// <summary>Stored events in sequence order.</summary>
    public List<ErrorEvent> Events { get; } = [];

    public long LastEventSequence { get; set; }

    public long ScanCheckpoint { get; set; }

    public Dictionary<(Guid AppId, Guid ClientEventId), long?> ClientEvents { get; } = [];

    public Dictionary<Guid, ScanRun> ScanRuns { get; } = [];
}
