using Npgsql;
using NpgsqlTypes;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.PostgreSql.Units;

namespace Owlmetry.Issues.Storage.PostgreSql.Rows;

/// <summary>The <c>occurrences</c> rows of <see cref="IssueOccurrence"/>s, inserted as arrays in one statement.</summary>
internal static class OccurrenceRows
{
    public const string Columns =
        "issue_id, id, session_id, user_id, app_user_id, app_version, sdk_name, sdk_version, environment, event_id, country_code, \"timestamp\", created_at";

    public const string Insert =
        "INSERT INTO occurrences (" + Columns + ", carries_app_version, carries_sdk_version) " +
        "SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], " +
        "$10::uuid[], $11::text[], $12::timestamptz[], $13::timestamptz[], $14::boolean[], $15::boolean[])";

    public static NpgsqlParameter[] Values(IReadOnlyCollection<IssueOccurrence> occurrences)
    {
        var rows = occurrences.ToArray();
        return
        [
            Param.Array(rows.Select(o => o.IssueId).ToArray(), NpgsqlDbType.Uuid),
            Param.Array(rows.Select(o => o.Id).ToArray(), NpgsqlDbType.Uuid),
            Param.Array(rows.Select(o => o.SessionId).ToArray(), NpgsqlDbType.Uuid),
            Param.Array(rows.Select(o => o.UserId).ToArray(), NpgsqlDbType.Text),
            Param.Array(rows.Select(o => o.AppUserId).ToArray(), NpgsqlDbType.Uuid),
            Param.Array(rows.Select(o => o.AppVersion).ToArray(), NpgsqlDbType.Text),
            Param.Array(rows.Select(o => o.SdkName).ToArray(), NpgsqlDbType.Text),
            Param.Array(rows.Select(o => o.SdkVersion).ToArray(), NpgsqlDbType.Text),
            Param.Array(rows.Select(o => o.Environment).ToArray(), NpgsqlDbType.Text),
            Param.Array(rows.Select(o => o.EventId).ToArray(), NpgsqlDbType.Uuid),
            Param.Array(rows.Select(o => o.CountryCode).ToArray(), NpgsqlDbType.Text),
            Param.Array(rows.Select(o => Param.Millis(o.Timestamp)).ToArray(), NpgsqlDbType.TimestampTz),
            Param.Array(rows.Select(o => Param.Millis(o.CreatedAt)).ToArray(), NpgsqlDbType.TimestampTz),
            Param.Array(rows.Select(o => OccurrenceSummary.CarriesVersion(o.AppVersion)).ToArray(), NpgsqlDbType.Boolean),
            Param.Array(rows.Select(o => OccurrenceSummary.CarriesVersion(o.SdkVersion)).ToArray(), NpgsqlDbType.Boolean),
        ];
    }

    public static IssueOccurrence Read(NpgsqlDataReader row) => new()
    {
        IssueId = row.GetGuid(0),
        Id = row.GetGuid(1),
        SessionId = row.GetGuid(2),
        UserId = row.NullableText(3),
        AppUserId = row.NullableId(4),
        AppVersion = row.NullableText(5),
        SdkName = row.NullableText(6),
        SdkVersion = row.NullableText(7),
        Environment = row.NullableText(8),
        EventId = row.GetGuid(9),
        CountryCode = row.NullableText(10),
        Timestamp = row.Time(11),
        CreatedAt = row.Time(12),
    };
}
