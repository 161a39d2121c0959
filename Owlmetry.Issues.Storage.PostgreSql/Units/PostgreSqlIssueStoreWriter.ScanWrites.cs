using NpgsqlTypes;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage.PostgreSql.Rows;

namespace Owlmetry.Issues.Storage.PostgreSql.Units;

/// <summary>
/// The scan's batch writes, each one statement over arrays. An upsert may touch a row once per statement, so of the
/// items given twice the last one is sent, as the one-by-one writes would leave it.
/// </summary>
internal sealed partial class PostgreSqlIssueStoreWriter
{
    private static readonly string s_insertIssues = $"INSERT INTO issues ({IssueRows.Columns}) SELECT {IssueRows.UnnestedValues} FROM {IssueRows.Unnest}";

    private static readonly string s_updateIssues =
        $"UPDATE issues SET ({IssueRows.Columns}) = ({IssueRows.UnnestedValues}) FROM {IssueRows.Unnest} WHERE issues.id = v.id RETURNING issues.id";

    public async ValueTask InsertIssuesAsync(IReadOnlyCollection<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (issues.Count > 0)
        {
            await Unit.ExecuteAsync(s_insertIssues, IssueRows.ArrayValues(issues)).ConfigureAwait(false);
        }
    }

    public async ValueTask UpdateIssuesAsync(IReadOnlyCollection<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (issues.Count == 0)
        {
            return;
        }

        var lasts = issues.GroupBy(i => i.Id).Select(g => g.Last()).ToList();
        var updated = (await Unit.QueryAsync(s_updateIssues, row => row.GetGuid(0), IssueRows.ArrayValues(lasts)).ConfigureAwait(false)).ToHashSet();
        if (lasts.FirstOrDefault(i => !updated.Contains(i.Id)) is { } missing)
        {
            throw new InvalidOperationException($"Issue {missing.Id} does not exist.");
        }
    }

    public async ValueTask AssignFingerprintsAsync(IReadOnlyDictionary<FingerprintKey, Guid> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        if (aliases.Count == 0)
        {
            return;
        }

        var rows = aliases.ToArray();
        await Unit.ExecuteAsync(
            "INSERT INTO fingerprints (app_id, is_dev, hash, issue_id) SELECT * FROM unnest($1::uuid[], $2::boolean[], $3::text[], $4::uuid[]) " +
            "ON CONFLICT (app_id, is_dev, hash) DO UPDATE SET issue_id = excluded.issue_id",
            Param.Array(rows.Select(r => r.Key.AppId).ToArray(), NpgsqlDbType.Uuid),
            Param.Array(rows.Select(r => r.Key.IsDev).ToArray(), NpgsqlDbType.Boolean),
            Param.Array(rows.Select(r => r.Key.Hash).ToArray(), NpgsqlDbType.Text),
            Param.Array(rows.Select(r => r.Value).ToArray(), NpgsqlDbType.Uuid)).ConfigureAwait(false);
    }
}
