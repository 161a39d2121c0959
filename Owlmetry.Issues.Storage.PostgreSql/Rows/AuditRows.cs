using Npgsql;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.PostgreSql.Units;

namespace Owlmetry.Issues.Storage.PostgreSql.Rows;

/// <summary>The <c>audit_records</c> row of an <see cref="AuditRecord"/>; the table numbers rows in append order.</summary>
internal static class AuditRows
{
    public const string Columns =
        "issue_id, id, project_id, actor_kind, actor_id, actor_name, action, from_status, to_status, from_resolved_at_version, " +
        "to_resolved_at_version, merged_issue_id, created_at, comment_id";

    public static NpgsqlParameter[] Values(AuditRecord record) =>
    [
        Param.Id(record.IssueId), Param.Id(record.Id), Param.Id(record.ProjectId), Param.Name(record.ActorKind), Param.Id(record.ActorId),
        Param.Text(record.ActorName), Param.Text(record.Action), Param.Name(record.FromStatus), Param.Name(record.ToStatus),
        Param.Text(record.FromResolvedAtVersion), Param.Text(record.ToResolvedAtVersion), Param.Id(record.MergedIssueId), Param.Time(record.CreatedAt),
        Param.Id(record.CommentId),
    ];

    public static AuditRecord Read(NpgsqlDataReader row) => new()
    {
        IssueId = row.GetGuid(0),
        Id = row.GetGuid(1),
        ProjectId = row.GetGuid(2),
        ActorKind = row.Name<ActorKind>(3),
        ActorId = row.GetGuid(4),
        ActorName = row.GetString(5),
        Action = row.GetString(6),
        FromStatus = row.Name<IssueStatus>(7),
        ToStatus = row.Name<IssueStatus>(8),
        FromResolvedAtVersion = row.NullableText(9),
        ToResolvedAtVersion = row.NullableText(10),
        MergedIssueId = row.NullableId(11),
        CreatedAt = row.Time(12),
        CommentId = row.NullableId(13),
    };
}
