using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.PostgreSql.Units;

namespace Owlmetry.Issues.Storage.PostgreSql.Rows;

/// <summary>
/// The <c>events</c> rows of <see cref="ErrorEvent"/>s, inserted as arrays in one statement; the custom attributes are
/// a <c>jsonb</c> object, whose string values PostgreSQL keeps verbatim.
/// </summary>
internal static class EventRows
{
    public const string Columns =
        "seq, project_id, id, app_id, client_event_id, session_id, message, user_id, source_module, screen_name, custom_attributes, environment, " +
        "os_version, app_version, sdk_name, sdk_version, build_number, device_model, is_dev, country_code, \"timestamp\", received_at";

    /// <summary>
    /// Takes the next sequences from <c>scan_state</c> and inserts the events numbered in array order, in one statement;
    /// returns the sequences given. Write units are serialized, so the numbers follow each other.
    /// </summary>
    public const string Append =
        "WITH taken AS (UPDATE scan_state SET last_event_sequence = last_event_sequence + cardinality($1::uuid[]) " +
        "RETURNING last_event_sequence - cardinality($1::uuid[]) AS base) " +
        "INSERT INTO events (" + Columns + ") " +
        "SELECT taken.base + e.n, e.project_id, e.id, e.app_id, e.client_event_id, e.session_id, e.message, e.user_id, e.source_module, e.screen_name, " +
        "e.custom_attributes::jsonb, e.environment, e.os_version, e.app_version, e.sdk_name, e.sdk_version, e.build_number, e.device_model, e.is_dev, " +
        "e.country_code, e.ts, e.received_at " +
        "FROM taken, unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], " +
        "$11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::boolean[], $19::text[], $20::timestamptz[], " +
        "$21::timestamptz[]) WITH ORDINALITY AS e(project_id, id, app_id, client_event_id, session_id, message, user_id, source_module, screen_name, " +
        "custom_attributes, environment, os_version, app_version, sdk_name, sdk_version, build_number, device_model, is_dev, country_code, ts, " +
        "received_at, n) " +
        "RETURNING seq";

    public static NpgsqlParameter[] Values(IReadOnlyList<ErrorEvent> events) =>
    [
        Param.Array(events.Select(e => e.ProjectId).ToArray(), NpgsqlDbType.Uuid),
        Param.Array(events.Select(e => e.Id).ToArray(), NpgsqlDbType.Uuid),
        Param.Array(events.Select(e => e.AppId).ToArray(), NpgsqlDbType.Uuid),
        Param.Array(events.Select(e => e.ClientEventId).ToArray(), NpgsqlDbType.Uuid),
        Param.Array(events.Select(e => e.SessionId).ToArray(), NpgsqlDbType.Uuid),
        Param.Array(events.Select(e => e.Message).ToArray(), NpgsqlDbType.Text),
        Param.Array(events.Select(e => e.UserId).ToArray(), NpgsqlDbType.Text),
        Param.Array(events.Select(e => e.SourceModule).ToArray(), NpgsqlDbType.Text),
        Param.Array(events.Select(e => e.ScreenName).ToArray(), NpgsqlDbType.Text),
        Param.Array(events.Select(e => JsonSerializer.Serialize(e.CustomAttributes)).ToArray(), NpgsqlDbType.Text),
        Param.Array(events.Select(e => e.Environment).ToArray(), NpgsqlDbType.Text),
        Param.Array(events.Select(e => e.OsVersion).ToArray(), NpgsqlDbType.Text),
        Param.Array(events.Select(e => e.AppVersion).ToArray(), NpgsqlDbType.Text),
        Param.Array(events.Select(e => e.SdkName).ToArray(), NpgsqlDbType.Text),
        Param.Array(events.Select(e => e.SdkVersion).ToArray(), NpgsqlDbType.Text),
        Param.Array(events.Select(e => e.BuildNumber).ToArray(), NpgsqlDbType.Text),
        Param.Array(events.Select(e => e.DeviceModel).ToArray(), NpgsqlDbType.Text),
        Param.Array(events.Select(e => e.IsDev).ToArray(), NpgsqlDbType.Boolean),
        Param.Array(events.Select(e => e.CountryCode).ToArray(), NpgsqlDbType.Text),
        Param.Array(events.Select(e => Param.Millis(e.Timestamp)).ToArray(), NpgsqlDbType.TimestampTz),
        Param.Array(events.Select(e => Param.Millis(e.ReceivedAt)).ToArray(), NpgsqlDbType.TimestampTz),
    ];

    public static ErrorEvent Read(NpgsqlDataReader row) => new()
    {
        Sequence = row.GetInt64(0),
        ProjectId = row.GetGuid(1),
        Id = row.GetGuid(2),
        AppId = row.GetGuid(3),
        ClientEventId = row.NullableId(4),
        SessionId = row.GetGuid(5),
        Message = row.GetString(6),
        UserId = row.NullableText(7),
        SourceModule = row.NullableText(8),
        ScreenName = row.NullableText(9),
        CustomAttributes = JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString(10)) ?? [],
        Environment = row.NullableText(11),
        OsVersion = row.NullableText(12),
        AppVersion = row.NullableText(13),
        SdkName = row.NullableText(14),
        SdkVersion = row.NullableText(15),
        BuildNumber = row.NullableText(16),
        DeviceModel = row.NullableText(17),
        IsDev = row.GetBoolean(18),
        CountryCode = row.NullableText(19),
        Timestamp = row.Time(20),
        ReceivedAt = row.Time(21),
    };
}
