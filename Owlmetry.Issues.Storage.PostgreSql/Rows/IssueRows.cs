using Npgsql;
using NpgsqlTypes;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.PostgreSql.Units;

namespace Owlmetry.Issues.Storage.PostgreSql.Rows;

/// <summary>The <c>issues</c> row of an <see cref="Issue"/>, column by column in <see cref="Columns"/> order.</summary>
internal static class IssueRows
{
    public const string Columns =
        "project_id, id, app_id, status, title, source_module, is_dev, occurrence_count, unique_user_count, resolved_at_version, " +
        "first_seen_app_version, last_seen_app_version, first_seen_sdk_version, last_seen_sdk_version, first_seen_at, last_seen_at, " +
        "last_notified_at, snoozed_at, created_at, updated_at, fingerprints";

    public const string Placeholders = "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21";

    public static NpgsqlParameter[] Values(Issue issue) =>
    [
        Param.Id(issue.ProjectId), Param.Id(issue.Id), Param.Id(issue.AppId), Param.Name(issue.Status), Param.Text(issue.Title),
        Param.Text(issue.SourceModule), Param.Of(issue.IsDev), Param.Of(issue.OccurrenceCount), Param.Of(issue.UniqueUserCount),
        Param.Text(issue.ResolvedAtVersion), Param.Text(issue.FirstSeenAppVersion), Param.Text(issue.LastSeenAppVersion),
        Param.Text(issue.FirstSeenSdkVersion), Param.Text(issue.LastSeenSdkVersion), Param.Time(issue.FirstSeenAt), Param.Time(issue.LastSeenAt),
        Param.Time(issue.LastNotifiedAt), Param.Time(issue.SnoozedAt), Param.Time(issue.CreatedAt), Param.Time(issue.UpdatedAt),
        Param.Array(issue.Fingerprints.ToArray(), NpgsqlDbType.Text),
    ];

    public static Issue Read(NpgsqlDataReader row)
    {
        var issue = new Issue
        {
            ProjectId = row.GetGuid(0),
            Id = row.GetGuid(1),
            AppId = row.GetGuid(2),
            Title = row.GetString(4),
            SourceModule = row.NullableText(5),
            IsDev = row.GetBoolean(6),
            OccurrenceCount = row.GetInt32(7),
            UniqueUserCount = row.GetInt32(8),
            FirstSeenAppVersion = row.NullableText(10),
            LastSeenAppVersion = row.NullableText(11),
            FirstSeenSdkVersion = row.NullableText(12),
            LastSeenSdkVersion = row.NullableText(13),
            FirstSeenAt = row.Time(14),
            LastSeenAt = row.Time(15),
            LastNotifiedAt = row.NullableTime(16),
            CreatedAt = row.Time(18),
            UpdatedAt = row.Time(19),
            Fingerprints = row.GetFieldValue<string[]>(20),
        };
        return StoredIssue.Restore(issue, row.Name<IssueStatus>(3), row.NullableText(9), row.NullableTime(17));
    }
}
