using Npgsql;
using NpgsqlTypes;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.PostgreSql.Units;

namespace Owlmetry.Issues.Storage.PostgreSql.Rows;

/// <summary>
/// The <c>occurrences</c> rows of <see cref="IssueOccurrence"/>s. An occurrence is stored in the group of the issue that
/// recorded it (the group's id is that issue's id), and <c>occurrence_groups</c> says which issue holds each group: a
/// merge re-points the source's groups instead of rewriting its occurrences. An issue's occurrences are the rows of all
/// its groups, read as <c>g</c> (the group) joined to <c>o</c> (the occurrence).
/// </summary>
internal static class OccurrenceRows
{
    /// <summary>The columns <see cref="Read"/> reads, from <c>g</c> and <c>o</c>: the issue is the group's.</summary>
    public const string Columns =
        "g.issue_id, o.id, o.session_id, o.user_id, o.app_user_id, o.app_version, o.sdk_name, o.sdk_version, o.environment, o.event_id, " +
        "o.country_code, o.\"timestamp\", o.created_at";

    /// <summary>The occurrences of every group (<c>o</c>) with the group (<c>g</c>) that says their issue.</summary>
    public const string OfGroups = "occurrence_groups g JOIN occurrences o ON o.group_id = g.group_id";

    /// <summary>
    /// The occurrences of the issue <paramref name="issue"/> (a parameter) as <paramref name="alias"/>, with
    /// <paramref name="columns"/> of <c>o</c>: one range of an index leading with the group per group of the issue. The
    /// <c>LATERAL … OFFSET 0</c> subquery keeps each read a lookup by its group; a join of the groups and the occurrences
    /// becomes a scan of the whole table when the table's statistics lag behind it. Ends in the <c>WHERE</c> clause of the
    /// groups, so a caller may add conditions with <c>AND</c>.
    /// </summary>
    public static string InGroupsOf(string issue, string columns, string alias, string condition = "true") =>
        $"occurrence_groups g CROSS JOIN LATERAL (SELECT {columns} FROM occurrences o WHERE o.group_id = g.group_id AND {condition} OFFSET 0) AS {alias} " +
        $"WHERE g.issue_id = {issue}";

    /// <summary>
    /// One multi-row insert from arrays into each issue's own group, created if missing. The unique (group, session)
    /// index refuses a second occurrence of a session in one group, within the batch too; a session that a group merged
    /// into the issue already holds inserts nothing, which <see cref="Values"/>'s caller finds by the row count.
    /// </summary>
    public const string Insert =
        "WITH own_groups AS (INSERT INTO occurrence_groups (group_id, issue_id) SELECT DISTINCT g, g FROM unnest($1::uuid[]) AS g ON CONFLICT (group_id) DO NOTHING) " +
        "INSERT INTO occurrences (group_id, id, session_id, user_id, app_user_id, app_version, sdk_name, sdk_version, environment, event_id, " +
        "country_code, \"timestamp\", created_at, carries_app_version, carries_sdk_version) " +
        "SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], " +
        "$10::uuid[], $11::text[], $12::timestamptz[], $13::timestamptz[], $14::boolean[], $15::boolean[]) " +
        // One probe of the groups index per distinct issue (an = ANY range): the sessions are compared only for the
        // rare issue that holds a group merged into it.
        "WHERE NOT EXISTS (SELECT 1 FROM " + OfGroups + " " +
        "JOIN unnest($1::uuid[], $3::uuid[]) AS b(issue_id, session_id) ON b.issue_id = g.issue_id AND b.session_id = o.session_id " +
        "WHERE g.issue_id = ANY($1::uuid[]) AND g.group_id <> g.issue_id)";

    /// <summary>
    /// The first <paramref name="limit"/> occurrences of the issue <c>$1</c> matching <paramref name="condition"/> (on
    /// <c>o</c>), in (timestamp, id) order <paramref name="direction"/>: the first of each of its groups, each a range of
    /// the group's page index, then the first of those. The result has the columns <see cref="Read"/> reads.
    /// </summary>
    public static string FirstOfIssue(string condition, string direction, string limit) =>
        $"SELECT e.* FROM occurrence_groups g CROSS JOIN LATERAL (SELECT {Columns} FROM occurrences o WHERE o.group_id = g.group_id AND {condition} " +
        $"ORDER BY o.\"timestamp\" {direction}, o.id {direction} LIMIT {limit}) e " +
        $"WHERE g.issue_id = $1 ORDER BY e.\"timestamp\" {direction}, e.id {direction} LIMIT {limit}";

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
