using Owlmetry.Issues.Access;
using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.LiteDb.Keys;

namespace Owlmetry.Issues.Storage.LiteDb.Documents;

/// <summary>
/// The stored shape of an <see cref="AuditRecord"/>. The id is an append sequence rather than the record's own
/// id: audit trails are read in the order they were written, and <see cref="IssueKey"/> (issue, sequence) is
/// that order for one issue.
/// </summary>
internal sealed class AuditDocument
{
    public long Id { get; set; }

    public Guid RecordId { get; set; }

    public Guid ProjectId { get; set; }

    public Guid IssueId { get; set; }

    public string ActorKind { get; set; } = "";

    public Guid ActorId { get; set; }

    public string ActorName { get; set; } = "";

    public string Action { get; set; } = "";

    public string FromStatus { get; set; } = "";

    public string ToStatus { get; set; } = "";

    public string? FromResolvedAtVersion { get; set; }

    public string? ToResolvedAtVersion { get; set; }

    public Guid? MergedIssueId { get; set; }

    public Guid? CommentId { get; set; }

    public long CreatedAt { get; set; }

    public string IssueKey { get; set; } = "";

    public static AuditDocument From(AuditRecord record, long sequence) => new()
    {
        Id = sequence,
        RecordId = record.Id,
        ProjectId = record.ProjectId,
        IssueId = record.IssueId,
        ActorKind = record.ActorKind.ToString(),
        ActorId = record.ActorId,
        ActorName = record.ActorName,
        Action = record.Action,
        FromStatus = record.FromStatus.ToWireName(),
        ToStatus = record.ToStatus.ToWireName(),
        FromResolvedAtVersion = record.FromResolvedAtVersion,
        ToResolvedAtVersion = record.ToResolvedAtVersion,
        MergedIssueId = record.MergedIssueId,
        CommentId = record.CommentId,
        CreatedAt = UnixTime.From(record.CreatedAt),
        IssueKey = StorageKeys.Issue(record.IssueId) + StorageKeys.Value(sequence),
    };

    public AuditRecord ToRecord() => new()
    {
        Id = RecordId,
        ProjectId = ProjectId,
        IssueId = IssueId,
        ActorKind = StoredEnum.Parse<ActorKind>(ActorKind, RecordId),
        ActorId = ActorId,
        ActorName = ActorName,
        Action = Action,
        FromStatus = ParseStatus(FromStatus),
        ToStatus = ParseStatus(ToStatus),
        FromResolvedAtVersion = FromResolvedAtVersion,
        ToResolvedAtVersion = ToResolvedAtVersion,
        MergedIssueId = MergedIssueId,
        CommentId = CommentId,
        CreatedAt = UnixTime.ToTime(CreatedAt),
    };

    private IssueStatus ParseStatus(string name) =>
        WireNames.TryParse<IssueStatus>(name, out var status)
            ? status
            : throw new InvalidDataException($"Audit record {RecordId} has an unknown stored status '{name}'.");
}
