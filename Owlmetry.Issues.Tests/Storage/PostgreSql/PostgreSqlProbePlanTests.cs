using System.Security.Cryptography;
using System.Text;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.PostgreSql.Units;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.PostgreSql;

/// <summary>
/// The batched lookups of ingest and the scan stay one index probe per key, and the stream's day counts and a merge's
/// reads of occurrences one index range per group, while the tables' statistics lag behind them, as they do for a new
/// or fast-growing table until autovacuum analyzes it: here 100,000 client events of one app, 60,000 occurrences in 600
/// groups (one each) among 20,600 groups, 20,000 fingerprints and 20,000 attachments, never analyzed. A plan that reads
/// the whole table or every key of the app (a hash join, a sequential or bitmap scan) costs ingest, the scan, the
/// stream and merges in proportion to it.
/// </summary>
[TestFixture]
public sealed class PostgreSqlProbePlanTests
{
    private static readonly Guid s_app = Guid.Parse(Convert.ToHexString(MD5.HashData("app"u8)));
    private PostgreSqlPlanSchema _schema = null!;

    [OneTimeSetUp]
    public async Task SeedAsync() => _schema = await PostgreSqlPlanSchema.CreateAsync(
        """
        ALTER TABLE client_events SET (autovacuum_enabled = false);
        ALTER TABLE occurrences SET (autovacuum_enabled = false);
        ALTER TABLE occurrence_groups SET (autovacuum_enabled = false);
        ALTER TABLE fingerprints SET (autovacuum_enabled = false);
        ALTER TABLE attachments SET (autovacuum_enabled = false);
        INSERT INTO client_events (app_id, client_event_id) SELECT md5('app')::uuid, gen_random_uuid() FROM generate_series(1, 100000);
        INSERT INTO occurrence_groups (group_id, issue_id) SELECT md5('issue' || i)::uuid, md5('issue' || i)::uuid FROM generate_series(1, 600) AS i;
        INSERT INTO occurrence_groups (group_id, issue_id) SELECT gen_random_uuid(), gen_random_uuid() FROM generate_series(1, 20000);
        INSERT INTO occurrences (group_id, id, session_id, user_id, event_id, "timestamp", created_at, carries_app_version, carries_sdk_version)
        SELECT md5('issue' || (1 + i % 600))::uuid, gen_random_uuid(), gen_random_uuid(), 'user ' || (i % 5000), gen_random_uuid(),
               timestamptz '2024-01-01' + i * interval '1 second', timestamptz '2024-01-01', true, true
        FROM generate_series(1, 60000) AS i;
        INSERT INTO fingerprints (app_id, is_dev, hash, issue_id) SELECT md5('app')::uuid, false, md5(i::text), gen_random_uuid() FROM generate_series(1, 20000) AS i;
        INSERT INTO attachments (project_id, id, app_id, client_event_id, is_dev, original_filename, content_type, size_bytes, sha256, created_at)
        SELECT md5('project')::uuid, gen_random_uuid(), md5('app')::uuid, gen_random_uuid(), false, 'a.txt', 'text/plain', 1, '', now()
        FROM generate_series(1, 20000);
        """);

    [OneTimeTearDown]
    public Task DropSchemaAsync() => _schema.DropAsync();

    [Test]
    public async Task ClientEvents_ABatchOfIds_ProbesThePrimaryKeyOncePerId()
    {
        var plan = await _schema.ExplainAsync(ProbeQueries.ClientEvents(s_app, [.. Enumerable.Range(0, 200).Select(_ => Guid.NewGuid())]));

        AssertProbes(plan, "client_events_pkey on client_events");
    }

    [Test]
    public async Task Fingerprints_ABatchOfKeys_ProbesThePrimaryKeyOncePerKey()
    {
        var plan = await _schema.ExplainAsync(ProbeQueries.Fingerprints([.. Enumerable.Range(0, 500).Select(i => new FingerprintKey($"{i:x32}", s_app, IsDev: false))]));

        AssertProbes(plan, "fingerprints_pkey on fingerprints");
    }

    [Test]
    public async Task GroupsOfIssues_FiftyIssues_ProbesTheIssueIndexOncePerIssue()
    {
        var plan = await _schema.ExplainAsync(ProbeQueries.GroupsOfIssues([.. Enumerable.Range(1, 50).Select(Issue)]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan, Does.StartWith("Nested Loop"), "one probe per issue of the batch:\n" + plan);
            Assert.That(plan, Does.Contain("on occurrence_groups_issue").And.Contain("Index Cond: (issue_id = k.issue_id)"), plan);
            Assert.That(plan, Does.Not.Contain("Seq Scan").And.Not.Contain("Hash"), "reads every group:\n" + plan);
        }
    }

    [Test]
    public async Task OccurrenceSessions_ABatchOfPairsWithTheirGroups_ProbesTheSessionKeyOncePerPairAndReadsNoGroups()
    {
        var plan = await _schema.ExplainAsync(ProbeQueries.OccurrenceSessions([.. Enumerable.Range(0, 2000).Select(i => (Issue(1 + i % 600), Issue(1 + i % 600), Guid.NewGuid()))]));

        AssertProbes(plan, "occurrences_session on occurrences");
        Assert.That(plan, Does.Not.Contain("occurrence_groups"), "each pair's groups are given, not read again per pair:\n" + plan);
    }

    [Test]
    public async Task OccurrenceUsers_ABatchOfPairsWithTheirGroups_ProbesTheUserIndexOncePerPairAndReadsNoGroups()
    {
        var plan = await _schema.ExplainAsync(ProbeQueries.OccurrenceUsers([.. Enumerable.Range(0, 2000).Select(i => (Issue(1 + i % 600), Issue(1 + i % 600), $"user {i}"))]));

        AssertProbes(plan, "occurrences_user on occurrences");
        Assert.That(plan, Does.Not.Contain("occurrence_groups"), "each pair's groups are given, not read again per pair:\n" + plan);
    }

    [Test]
    public async Task AttachmentsOfClientEvents_ABatchOfClientEvents_ProbesTheClientEventIndexOncePerKey()
    {
        var plan = await _schema.ExplainAsync(ProbeQueries.AttachmentsOfClientEvents([.. Enumerable.Range(0, 5000).Select(_ => (s_app, Guid.NewGuid()))]));

        AssertProbes(plan, "attachments_client_event on attachments");
        Assert.That(plan, Does.Contain("client_event_id = k.client_event_id"), "each probe reads one client event's keys, not the app's:\n" + plan);
    }

    [Test]
    public async Task OccurrencesByDay_FiftyIssues_ReadsEachGroupsPageIndexFromTheWindowsStart()
    {
        var issues = Enumerable.Range(1, 50).Select(Issue).ToArray();

        var plan = await _schema.ExplainAsync(ListQueries.OccurrencesByDay(issues, new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero)));

        Assert.That(plan, Does.Contain("occurrences_page").And.Contain("Index Cond: ((group_id = g.group_id) AND (\"timestamp\" >="), plan);
        Assert.That(plan, Does.Not.Contain("Seq Scan on occurrences").And.Not.Contain("Hash Join"), "reads every occurrence:\n" + plan);
    }

    [Test]
    public async Task MergeDeleteOfSharedSessions_TwoIssues_ReadsTheirGroupsAndDeletesByTupleId()
    {
        var plan = await _schema.ExplainAsync(MergeQueries.DeleteSharedSessions(Issue(1), Issue(2)));

        AssertReadsOnlyTheIssuesGroups(plan);
        Assert.That(plan, Does.Contain("Tid Scan on occurrences"), "the delete should find its rows by their tuple ids:\n" + plan);
    }

    [Test]
    public async Task MergeCounts_AnIssue_ReadOnlyItsGroupsOccurrences()
    {
        var plan = await _schema.ExplainAsync(MergeQueries.Counts(Issue(2)));

        AssertReadsOnlyTheIssuesGroups(plan);
    }

    /// <summary>The issue's id as the seed makes it: <c>md5('issue' || i)</c>.</summary>
    private static Guid Issue(int i) => Guid.Parse(Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes($"issue{i}"))));

    private static void AssertReadsOnlyTheIssuesGroups(string plan)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan, Does.Contain("(group_id = g.group_id)"), "each read of occurrences should be a range of one group:\n" + plan);
            Assert.That(plan, Does.Not.Contain("Seq Scan on occurrences"), "reads every occurrence:\n" + plan);
        }
    }

    private static void AssertProbes(string plan, string index)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan, Does.StartWith("Nested Loop"), "one probe per key of the batch:\n" + plan);
            Assert.That(plan, Does.Contain($"Index Only Scan using {index}").Or.Contain($"Index Scan using {index}"), plan);
            Assert.That(plan, Does.Not.Contain("Seq Scan").And.Not.Contain("Hash").And.Not.Contain("Bitmap Heap Scan on client_events"), "reads the table, not the keys:\n" + plan);
        }
    }
}
