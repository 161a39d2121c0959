using Npgsql;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.PostgreSql.Units;

namespace Owlmetry.Issues.Storage.PostgreSql.Rows;

/// <summary>The <c>attachments</c> row of an <see cref="IssueAttachment"/>.</summary>
internal static class AttachmentRows
{
    public const string Columns =
        "project_id, id, app_id, issue_id, client_event_id, event_id, user_id, is_dev, original_filename, content_type, size_bytes, sha256, " +
        "uploaded_at, created_at, deleted_at";

    public static string Upsert { get; } =
        $"INSERT INTO attachments ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) " +
        $"ON CONFLICT (id) DO UPDATE SET {string.Join(", ", Columns.Split(", ").Select(column => $"{column} = excluded.{column}"))}";

    public static NpgsqlParameter[] Values(IssueAttachment attachment) =>
    [
        Param.Id(attachment.ProjectId), Param.Id(attachment.Id), Param.Id(attachment.AppId), Param.Id(attachment.IssueId),
        Param.Id(attachment.ClientEventId), Param.Id(attachment.EventId), Param.Text(attachment.UserId), Param.Of(attachment.IsDev),
        Param.Text(attachment.OriginalFilename), Param.Text(attachment.ContentType), Param.Of(attachment.SizeBytes), Param.Text(attachment.Sha256),
        Param.Time(attachment.UploadedAt), Param.Time(attachment.CreatedAt), Param.Time(attachment.DeletedAt),
    ];

    public static IssueAttachment Read(NpgsqlDataReader row) => new()
    {
        ProjectId = row.GetGuid(0),
        Id = row.GetGuid(1),
        AppId = row.GetGuid(2),
        IssueId = row.NullableId(3),
        ClientEventId = row.GetGuid(4),
        EventId = row.NullableId(5),
        UserId = row.NullableText(6),
        IsDev = row.GetBoolean(7),
        OriginalFilename = row.GetString(8),
        ContentType = row.GetString(9),
        SizeBytes = row.GetInt64(10),
        Sha256 = row.GetString(11),
        UploadedAt = row.NullableTime(12),
        CreatedAt = row.Time(13),
        DeletedAt = row.NullableTime(14),
    };
}
