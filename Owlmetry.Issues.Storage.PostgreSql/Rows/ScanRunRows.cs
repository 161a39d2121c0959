using Npgsql;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage.PostgreSql.Units;

namespace Owlmetry.Issues.Storage.PostgreSql.Rows;

/// <summary>The <c>scan_runs</c> row of a <see cref="ScanRun"/>, its result flattened (all null without one).</summary>
internal static class ScanRunRows
{
    public const string Columns =
        "id, triggered_by_team_id, status, started_at, completed_at, events_processed, issues_created, issues_regressed, issues_unsnoozed, " +
        "occurrences_created, error";

    public static string Upsert { get; } =
        $"INSERT INTO scan_runs ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) " +
        $"ON CONFLICT (id) DO UPDATE SET {string.Join(", ", Columns.Split(", ").Select(column => $"{column} = excluded.{column}"))}";

    public static NpgsqlParameter[] Values(ScanRun run) =>
    [
        Param.Id(run.Id), Param.Id(run.TriggeredByTeamId), Param.Text(run.Status), Param.Time(run.StartedAt), Param.Time(run.CompletedAt),
        Param.Of(run.Result?.EventsProcessed), Param.Of(run.Result?.IssuesCreated), Param.Of(run.Result?.IssuesRegressed),
        Param.Of(run.Result?.IssuesUnsnoozed), Param.Of(run.Result?.OccurrencesCreated), Param.Text(run.Error),
    ];

    public static ScanRun Read(NpgsqlDataReader row) => new()
    {
        Id = row.GetGuid(0),
        TriggeredByTeamId = row.NullableId(1),
        Status = row.GetString(2),
        StartedAt = row.Time(3),
        CompletedAt = row.NullableTime(4),
        Result = row.IsDBNull(5)
            ? null
            : new IssueScanResult(row.GetInt32(5), row.GetInt32(6), row.GetInt32(7), row.GetInt32(8), row.GetInt32(9)),
        Error = row.NullableText(10),
    };
}
