using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.PostgreSql.Units;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.PostgreSql;

/// <summary>
/// The list pages are index range scans. The planner is shown enough rows (a project of 10,000 issues among 19 of 500,
/// 10,000 occurrences in 10 groups of 9 issues, analyzed) that a sequential scan or a sort would be its choice only if no index
/// served the query; <c>enable_seqscan</c> stays on, so a missing or unusable index shows up in the plan.
/// </summary>
[TestFixture]
public sealed class PostgreSqlQueryPlanTests
{
    private const int Projects = 20;
    private PostgreSqlPlanSchema _schema = null!;
    private Guid _project;
    private Guid _issue;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _schema = await PostgreSqlPlanSchema.CreateAsync(
            $"""
            INSERT INTO issues (project_id, id, app_id, status, title, is_dev, occurrence_count, unique_user_count, first_seen_at, last_seen_at,
                                created_at, updated_at, fingerprints)
            SELECT md5((CASE WHEN i <= 10000 THEN 0 ELSE i % {Projects} END)::text)::uuid, gen_random_uuid(), md5('app')::uuid, (ARRAY['New', 'Resolved', 'Regressed'])[1 + i % 3], 'issue ' || i,
                   i % 2 = 0, i % 97, i % 13, timestamptz '2024-01-01' + i * interval '1 minute', timestamptz '2024-02-01' + (i * 7919 % 10000) * interval '1 second',
                   timestamptz '2024-01-01', timestamptz '2024-03-01' + (i * 104729 % 10000) * interval '1 second', ARRAY[md5(i::text)]
            FROM generate_series(1, 19500) AS i;
            INSERT INTO occurrences (group_id, id, session_id, event_id, "timestamp", created_at, carries_app_version, carries_sdk_version)
            SELECT md5('issue' || (i % 10))::uuid, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(),
                   timestamptz '2024-01-01' + i * interval '1 second', timestamptz '2024-01-01', true, true
            FROM generate_series(1, 10000) AS i;
            -- Ten groups; issue 0 holds two of them, as after a merge.
            INSERT INTO occurrence_groups (group_id, issue_id)
            SELECT md5('issue' || i)::uuid, md5('issue' || CASE WHEN i = 1 THEN 0 ELSE i END)::uuid FROM generate_series(0, 9) AS i;
            ANALYZE issues;
            ANALYZE occurrences;
            ANALYZE occurrence_groups;
            """);
        _project = await _schema.ScalarAsync<Guid>("SELECT md5('0')::uuid");
        _issue = await _schema.ScalarAsync<Guid>("SELECT md5('issue0')::uuid");
    }

    [OneTimeTearDown]
    public Task DropSchemaAsync() => _schema.DropAsync();

    [Test]
    public async Task ListIssues_FirstAndLaterPageOfEachSort_AreBackwardIndexRangeScans([Values] IssueSort sort)
    {
        var filter = new IssueListFilter([_project]);
        var index = IndexOf(sort);
        var first = await _schema.ExplainAsync(ListQueries.Issues(filter, sort, after: null, take: 50));
        var later = await _schema.ExplainAsync(ListQueries.Issues(filter, sort, new KeysetKey(sort switch
        {
            IssueSort.Occurrences => 80,
            IssueSort.Users => 11,
            _ => new DateTimeOffset(2024, 3, 1, 2, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(),
        }, Guid.NewGuid()), take: 50));

        using (Assert.EnterMultipleScope())
        {
            foreach (var plan in new[] { first, later })
            {
                Assert.That(plan, Does.Contain($"Index Scan Backward using {index} on issues"), plan);
                Assert.That(plan, Does.Not.Contain("Seq Scan").And.Not.Contain("Sort"), "not read in index order:\n" + plan);
            }
        }
    }

    [Test]
    public async Task ListIssues_SeveralProjects_WalksEachProjectsIndexRangeAndSortsOnlyTheirPages()
    {
        var plan = await _schema.ExplainAsync(ListQueries.Issues(new IssueListFilter([_project, Guid.NewGuid()]), IssueSort.LastSeen, after: null, take: 50));

        Assert.That(plan, Does.Contain("Index Scan Backward using issues_last_seen on issues").And.Not.Contain("Seq Scan"), plan);
        Assert.That(plan.Split("Sort Key").Length - 1, Is.EqualTo(1), "only the merge of the lanes' pages sorts:\n" + plan);
    }

    [Test]
    public async Task ListIssues_StatusAndDevFilters_StillWalkTheSortIndex()
    {
        var plan = await _schema.ExplainAsync(ListQueries.Issues(new IssueListFilter([_project], IssueStatus.Regressed, IsDev: false), IssueSort.LastSeen, after: null, take: 50));

        Assert.That(plan, Does.Contain("Index Scan Backward using issues_last_seen").And.Not.Contain("Seq Scan").And.Not.Contain("Sort"), plan);
    }

    [Test]
    public async Task ListOccurrences_FirstAndLaterPageOfAnIssueOfTwoGroups_AreBackwardIndexRangeScansPerGroup()
    {
        var first = await _schema.ExplainAsync(ListQueries.Occurrences(_issue, after: null, take: 50));
        var later = await _schema.ExplainAsync(ListQueries.Occurrences(_issue, new KeysetKey(1_704_070_000_000, Guid.NewGuid()), take: 50));

        using (Assert.EnterMultipleScope())
        {
            foreach (var plan in new[] { first, later })
            {
                Assert.That(plan, Does.Not.Contain("Seq Scan on occurrences"), plan);
                Assert.That(plan, Does.Contain("Index Scan Backward using occurrences_page"), plan);
            }
        }
    }

    private static string IndexOf(IssueSort sort) => sort switch
    {
        IssueSort.LastSeen => "issues_last_seen",
        IssueSort.LastActivity => "issues_last_activity",
        IssueSort.FirstSeen => "issues_first_seen",
        IssueSort.Occurrences => "issues_occurrences",
        IssueSort.Users => "issues_users",
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
    };
}
