using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.PostgreSql.Units;

namespace Owlmetry.Issues.Storage.PostgreSql.Rows;

/// <summary>The <c>issues</c> row of an <see cref="Issue"/>, column by column in <see cref="Columns"/> order.</summary>
internal static class IssueRows
{
    public const string Columns =
        "project_id, id, app_id, status, title, source_module, is_dev, occurrence_count, unique_user_count, resolved_at_version, " +
        "first_seen_app_version, last_seen_app_version, first_seen_sdk_version, last_seen_sdk_version, first_seen_at, last_seen_at, " +
        "last_notified_at, snoozed_at, created_at, updated_at, fingerprints, claim_holder_kind, claim_holder_id, claim_holder_name, claimed_at, claim_expires_at";

    public const string Placeholders = "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26";

    /// <summary>
    /// Issues as one array per column (<see cref="ArrayValues"/>), named as the columns under the alias <c>v</c>; the
    /// fingerprints of each issue travel as a JSON array, since arrays of arrays must be rectangular.
    /// </summary>
    public const string Unnest =
        "unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::integer[], $9::integer[], $10::text[], " +
        "$11::text[], $12::text[], $13::text[], $14::text[], $15::timestamptz[], $16::timestamptz[], $17::timestamptz[], $18::timestamptz[], " +
        "$19::timestamptz[], $20::timestamptz[], $21::text[], $22::text[], $23::uuid[], $24::text[], $25::timestamptz[], $26::timestamptz[]) AS v(" + Columns + ")";

    /// <summary>The row values of <see cref="Unnest"/>'s <c>v</c> in <see cref="Columns"/> order, the fingerprints back as <c>text[]</c> in order.</summary>
    public static string UnnestedValues { get; } = string.Join(", ", Columns.Split(", ").Select(column => column == "fingerprints"
        ? "ARRAY(SELECT f.hash FROM jsonb_array_elements_text(v.fingerprints::jsonb) WITH ORDINALITY AS f(hash, n) ORDER BY f.n)"
        : "v." + column));

    public static NpgsqlParameter[] ArrayValues(IReadOnlyCollection<Issue> issues)
    {
        var rows = issues.ToArray();
        return
        [
            Param.Array(rows.Select(i => i.ProjectId).ToArray(), NpgsqlDbType.Uuid),
            Param.Array(rows.Select(i => i.Id).ToArray(), NpgsqlDbType.Uuid),
            Param.Array(rows.Select(i => i.AppId).ToArray(), NpgsqlDbType.Uuid),
            Param.Array(rows.Select(i => i.Status.ToString()).ToArray(), NpgsqlDbType.Text),
            Param.Array(rows.Select(i => i.Title).ToArray(), NpgsqlDbType.Text),
            Param.Array(rows.Select(i => i.SourceModule).ToArray(), NpgsqlDbType.Text),
            Param.Array(rows.Select(i => i.IsDev).ToArray(), NpgsqlDbType.Boolean),
            Param.Array(rows.Select(i => i.OccurrenceCount).ToArray(), NpgsqlDbType.Integer),
            Param.Array(rows.Select(i => i.UniqueUserCount).ToArray(), NpgsqlDbType.Integer),
            Param.Array(rows.Select(i => i.ResolvedAtVersion).ToArray(), NpgsqlDbType.Text),
            Param.Array(rows.Select(i => i.FirstSeenAppVersion).ToArray(), NpgsqlDbType.Text),
            Param.Array(rows.Select(i => i.LastSeenAppVersion).ToArray(), NpgsqlDbType.Text),
            Param.Array(rows.Select(i => i.FirstSeenSdkVersion).ToArray(), NpgsqlDbType.Text),
            Param.Array(rows.Select(i => i.LastSeenSdkVersion).ToArray(), NpgsqlDbType.Text),
            Param.Array(rows.Select(i => Param.Millis(i.FirstSeenAt)).ToArray(), NpgsqlDbType.TimestampTz),
            Param.Array(rows.Select(i => Param.Millis(i.LastSeenAt)).ToArray(), NpgsqlDbType.TimestampTz),
            Param.Array(rows.Select(i => NullableMillis(i.LastNotifiedAt)).ToArray(), NpgsqlDbType.TimestampTz),
            Param.Array(rows.Select(i => NullableMillis(i.SnoozedAt)).ToArray(), NpgsqlDbType.TimestampTz),
            Param.Array(rows.Select(i => Param.Millis(i.CreatedAt)).ToArray(), NpgsqlDbType.TimestampTz),
            Param.Array(rows.Select(i => Param.Millis(i.UpdatedAt)).ToArray(), NpgsqlDbType.TimestampTz),
            Param.Array(rows.Select(i => JsonSerializer.Serialize(i.Fingerprints)).ToArray(), NpgsqlDbType.Text),
            Param.Array(rows.Select(i => i.Claim?.HolderKind.ToString()).ToArray(), NpgsqlDbType.Text),
            Param.Array(rows.Select(i => i.Claim?.HolderId).ToArray(), NpgsqlDbType.Uuid),
            Param.Array(rows.Select(i => i.Claim?.HolderName).ToArray(), NpgsqlDbType.Text),
            Param.Array(rows.Select(i => NullableMillis(i.Claim?.ClaimedAt)).ToArray(), NpgsqlDbType.TimestampTz),
            Param.Array(rows.Select(i => NullableMillis(i.Claim?.ExpiresAt)).ToArray(), NpgsqlDbType.TimestampTz),
        ];
    }

    public static NpgsqlParameter[] Values(Issue issue) =>
    [
        Param.Id(issue.ProjectId), Param.Id(issue.Id), Param.Id(issue.AppId), Param.Name(issue.Status), Param.Text(issue.Title),
        Param.Text(issue.SourceModule), Param.Of(issue.IsDev), Param.Of(issue.OccurrenceCount), Param.Of(issue.UniqueUserCount),
        Param.Text(issue.ResolvedAtVersion), Param.Text(issue.FirstSeenAppVersion), Param.Text(issue.LastSeenAppVersion),
        Param.Text(issue.FirstSeenSdkVersion), Param.Text(issue.LastSeenSdkVersion), Param.Time(issue.FirstSeenAt), Param.Time(issue.LastSeenAt),
        Param.Time(issue.LastNotifiedAt), Param.Time(issue.SnoozedAt), Param.Time(issue.CreatedAt), Param.Time(issue.UpdatedAt),
        Param.Array(issue.Fingerprints.ToArray(), NpgsqlDbType.Text),
        Param.Text(issue.Claim?.HolderKind.ToString()), Param.Id(issue.Claim?.HolderId), Param.Text(issue.Claim?.HolderName),
        Param.Time(issue.Claim?.ClaimedAt), Param.Time(issue.Claim?.ExpiresAt),
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
        return StoredIssue.Restore(issue, row.Name<IssueStatus>(3), row.NullableText(9), row.NullableTime(17), ReadClaim(row));
    }

    private static IssueClaim? ReadClaim(NpgsqlDataReader row) =>
        row.IsDBNull(21) || row.NullableId(22) is not { } holderId || row.NullableTime(24) is not { } claimedAt || row.NullableTime(25) is not { } expiresAt
            ? null
            : new IssueClaim(row.Name<ActorKind>(21), holderId, row.NullableText(23) ?? "", claimedAt, expiresAt);

    private static DateTimeOffset? NullableMillis(DateTimeOffset? time) => time is { } value ? Param.Millis(value) : null;
}
