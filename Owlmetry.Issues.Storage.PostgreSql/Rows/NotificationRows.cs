using Npgsql;
using Owlmetry.Issues.Storage.PostgreSql.Units;

namespace Owlmetry.Issues.Storage.PostgreSql.Rows;

/// <summary>The <c>notifications</c> row of an <see cref="OutboxNotification"/>.</summary>
internal static class NotificationRows
{
    public const string Columns = "id, type, team_id, payload, created_at, status, attempts, last_error, dispatched_at";

    public static NpgsqlParameter[] Values(OutboxNotification notification) =>
    [
        Param.Id(notification.Id), Param.Text(notification.Type), Param.Id(notification.TeamId), Param.Text(notification.Payload),
        Param.Time(notification.CreatedAt), Param.Name(notification.Status), Param.Of(notification.Attempts), Param.Text(notification.LastError),
        Param.Time(notification.DispatchedAt),
    ];

    public static OutboxNotification Read(NpgsqlDataReader row) => new()
    {
        Id = row.GetGuid(0),
        Type = row.GetString(1),
        TeamId = row.GetGuid(2),
        Payload = row.GetString(3),
        CreatedAt = row.Time(4),
        Status = row.Name<NotificationDispatchStatus>(5),
        Attempts = row.GetInt32(6),
        LastError = row.NullableText(7),
        DispatchedAt = row.NullableTime(8),
    };
}
