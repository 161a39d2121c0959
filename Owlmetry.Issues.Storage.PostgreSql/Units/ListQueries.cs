using System.Text;
using Npgsql;
using NpgsqlTypes;
using Owlmetry.Issues.Events;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

/// <summary>
/// The keyset-paged lists, each an index range read from the cursor to the limit. A list of one project walks the index
/// leading with the project and the sort key; a list of several takes one lane per project, a <c>LATERAL</c> subquery
/// walking that index, and merges the lanes' pages.
/// </summary>
internal static class ListQueries
{
    public static SqlStatement Issues(IssueListFilter filter, IssueSort sort, KeysetKey? after, int take)
    {
        var key = sort switch
        {
            IssueSort.LastSeen => "last_seen_at",
            IssueSort.LastActivity => "updated_at",
            IssueSort.FirstSeen => "first_seen_at",
            IssueSort.Occurrences => "occurrence_count",
            IssueSort.Users => "unique_user_count",
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
        };
        var isTime = sort is IssueSort.LastSeen or IssueSort.LastActivity or IssueSort.FirstSeen;
        var query = new Lanes(filter.ProjectIds);
        query.Where("status", filter.Status is { } status ? Param.Name(status) : null);
        query.Where("app_id", filter.AppId is { } appId ? Param.Id(appId) : null);
        query.Where("is_dev", filter.IsDev is { } isDev ? Param.Of(isDev) : null);
        if (filter.Claim is { } claim)
        {
            WhereClaim(query, claim);
        }

        query.After(key, after, descending: true, isTime);
        return query.Build("issues", IssueRows.Columns, key, descending: true, take);
    }

    /// <summary>
    /// A filter on the lane's index range (the claim columns have no index): a lapsed claim stays stored, so a claim is
    /// live while <c>claim_expires_at</c> is after the condition's now.
    /// </summary>
    private static void WhereClaim(Lanes query, IssueClaimCondition claim)
    {
        var now = Param.Time(claim.Now);
        if (!claim.IsClaimed)
        {
            query.Condition($"(claim_expires_at IS NULL OR claim_expires_at <= {query.Next(now)})");
            return;
        }

        query.Where("claim_expires_at", now, ">");
        query.Where("claim_holder_id", claim.HolderId is { } holderId ? Param.Id(holderId) : null);
        query.Where("claim_holder_kind", claim.HolderKind is { } holderKind ? Param.Name(holderKind) : null);
    }

    /// <summary>The issue detail's page, newest first: one backward range of the <c>occurrences_page</c> index per group of the issue.</summary>
    public static SqlStatement Occurrences(Guid issueId, KeysetKey? after, int take) =>
        after is { } cursor
            ? new(
                OccurrenceRows.FirstOfIssue("(o.\"timestamp\", o.id) < ($2, $3)", "DESC", "$4"),
                [Param.Id(issueId), Param.Time(DateTimeOffset.FromUnixTimeMilliseconds(cursor.Value)), Param.Id(cursor.Id), Param.Of(take)])
            : new(OccurrenceRows.FirstOfIssue("true", "DESC", "$2"), [Param.Id(issueId), Param.Of(take)]);

    /// <summary>
    /// The stream's chart: each issue's counted occurrences per UTC day from <paramref name="since"/>, for each issue one
    /// range of the <c>occurrences_page</c> index per group (<see cref="OccurrenceRows.InGroupsOf"/>); the issues' own
    /// <c>LATERAL … OFFSET 0</c> keeps that a lookup per issue too.
    /// </summary>
    public static SqlStatement OccurrencesByDay(Guid[] issueIds, DateTimeOffset since) => new(
        "SELECT i.issue_id, (c.\"timestamp\" AT TIME ZONE 'UTC')::date AS day, count(*)::integer FROM unnest($1::uuid[]) AS i(issue_id) " +
        $"CROSS JOIN LATERAL (SELECT o.\"timestamp\" FROM {OccurrenceRows.InGroupsOf("i.issue_id", "o.\"timestamp\"", "o", "o.\"timestamp\" >= $2")} OFFSET 0) AS c " +
        "GROUP BY i.issue_id, day",
        [Param.Array(issueIds, NpgsqlDbType.Uuid), Param.Time(since)]);

    public static SqlStatement Events(EventListFilter filter, EventOrder order, KeysetKey? after, int take)
    {
        var query = new Lanes(filter.ProjectIds);
        query.Where("is_dev", filter.IsDev is { } isDev ? Param.Of(isDev) : null);
        query.Where("app_id", filter.AppId is { } appId ? Param.Id(appId) : null);
        query.Where("session_id", filter.SessionId is { } sessionId ? Param.Id(sessionId) : null);
        query.Where("user_id", filter.UserId is { } userId ? Param.Text(userId) : null);
        query.Where("environment", filter.Environment is { } environment ? Param.Text(environment) : null);
        query.Where("screen_name", filter.ScreenName is { } screen ? Param.Text(screen) : null);
        query.Where("\"timestamp\"", filter.Since is { } since ? Param.Time(since) : null, ">=");
        query.Where("\"timestamp\"", filter.Until is { } until ? Param.Time(until) : null, "<=");
        var descending = order == EventOrder.NewestFirst;
        query.After("\"timestamp\"", after, descending, isTime: true);
        return query.Build("events", EventRows.Columns, "\"timestamp\"", descending, take);
    }

    public static SqlStatement Attachments(AttachmentListFilter filter, KeysetKey? after, int take)
    {
        var query = new Lanes(filter.ProjectIds);
        query.Condition("uploaded_at IS NOT NULL AND deleted_at IS NULL");
        query.Where("issue_id", filter.IssueId is { } issueId ? Param.Id(issueId) : null);
        query.Where("event_id", filter.EventId is { } eventId ? Param.Id(eventId) : null);
        query.Where("client_event_id", filter.ClientEventId is { } clientEventId ? Param.Id(clientEventId) : null);
        query.After("created_at", after, descending: true, isTime: true);
        return query.Build("attachments", AttachmentRows.Columns, "created_at", descending: true, take);
    }

    /// <summary>
    /// One list's conditions and parameters; <c>$1</c> is the project, or the array of projects. One project reads its
    /// index range directly, already in order; several are lanes merged by one top-N sort of at most take × lanes rows.
    /// </summary>
    private sealed class Lanes
    {
        private readonly List<NpgsqlParameter> _parameters = [];
        private readonly StringBuilder _conditions = new();
        private readonly bool _oneProject;

        public Lanes(IReadOnlyCollection<Guid> projectIds)
        {
            var projects = projectIds.Distinct().ToArray();
            _oneProject = projects.Length == 1;
            _parameters.Add(_oneProject ? Param.Id(projects[0]) : Param.Array(projects, NpgsqlDbType.Uuid));
            _conditions.Append(_oneProject ? "project_id = $1" : "project_id = lane.project_id");
        }

        public void Where(string column, NpgsqlParameter? value, string comparison = "=")
        {
            if (value is not null)
            {
                Condition($"{column} {comparison} {Next(value)}");
            }
        }

        public void Condition(string condition) => _conditions.Append(" AND ").Append(condition);

        /// <summary>The row comparison PostgreSQL turns into the start of the index range.</summary>
        public void After(string key, KeysetKey? cursor, bool descending, bool isTime)
        {
            if (cursor is not { } c)
            {
                return;
            }

            var value = isTime ? Param.Time(DateTimeOffset.FromUnixTimeMilliseconds(c.Value)) : Param.Of(c.Value);
            var cast = isTime ? "" : "::bigint";
            Condition($"({key}, id) {(descending ? "<" : ">")} ({Next(value)}{cast}, {Next(Param.Id(c.Id))})");
        }

        public SqlStatement Build(string table, string columns, string key, bool descending, int take)
        {
            var direction = descending ? "DESC" : "ASC";
            var limit = Next(Param.Of(take));
            var range = $"SELECT {columns} FROM {table} WHERE {_conditions} ORDER BY {key} {direction}, id {direction} LIMIT {limit}";
            var text = _oneProject
                ? range
                : $"SELECT page.* FROM unnest($1::uuid[]) AS lane(project_id) CROSS JOIN LATERAL ({range}) AS page " +
                  $"ORDER BY page.{key} {direction}, page.id {direction} LIMIT {limit}";
            return new SqlStatement(text, _parameters);
        }

        /// <summary>Adds <paramref name="parameter"/> and returns its placeholder.</summary>
        public string Next(NpgsqlParameter parameter)
        {
            _parameters.Add(parameter);
            return $"${_parameters.Count}";
        }
    }
}
