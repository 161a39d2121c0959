using Owlmetry.Issues.Host.Moving;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Storage.PostgreSql;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Moving;

/// <summary>
/// The export seam on both providers a copy reads: every record once, soft-deleted and reserved ones included, across
/// page boundaries (pages of two), and the audit trails in the order they were appended.
/// </summary>
[TestFixture("litedb")]
[TestFixture("postgresql")]
public sealed class IssueStoreExportTests(string provider)
{
    private const int Batch = 2;
    private TempFolder _folder = null!;
    private string _schema = null!;
    private LiteDbIssueStore? _liteDb;
    private PostgreSqlIssueStore? _postgreSql;

    private IIssueStore Store => (IIssueStore?)_liteDb ?? _postgreSql!;

    [SetUp]
    public async Task OpenAsync()
    {
        _folder = new TempFolder();
        _schema = PostgreSqlTestServer.NewSchema();
        if (provider == "postgresql")
        {
            await PostgreSqlTestServer.EnsureStartedAsync();
            _postgreSql = new PostgreSqlIssueStore(new PostgreSqlIssueStoreOptions { DataSource = PostgreSqlTestServer.DataSource, Schema = _schema });
        }
        else
        {
            _liteDb = new LiteDbIssueStore(_folder.File("issues.db"));
        }
    }

    [TearDown]
    public async Task CloseAsync()
    {
        _liteDb?.Dispose();
        if (_postgreSql is not null)
        {
            await _postgreSql.DisposeAsync();
        }

        if (provider == "postgresql")
        {
            await PostgreSqlTestServer.DropSchemaAsync(_schema);
        }

        _folder.Dispose();
    }

    [Test]
    public async Task Export_EveryKind_GivesEveryRecordOnceAcrossPages()
    {
        var issues = Enumerable.Range(0, 5).Select(i => new IssueBuilder().WithTitle($"Issue {i}").Build()).ToList();
        issues[0] = new IssueBuilder().WithAllFieldsSet().Build();
        var comments = issues.Take(3).Select(issue => new CommentBuilder(issue.Id).Build()).ToList();
        comments[1] = comments[1] with { DeletedAt = TestTimes.Base.AddMinutes(1) };
        var attachments = new[]
        {
            new AttachmentBuilder(issues[0].Id).Build(),
            new AttachmentBuilder(null).NotUploaded().Build(),
            new AttachmentBuilder(issues[1].Id).DeletedAt(TestTimes.Base.AddMinutes(2)).Build(),
        };
        var audit = new[] { issues[0], issues[1], issues[0] }.Select((issue, i) => new AuditRecordBuilder(issue.Id).WithAction($"step {i}").Build()).ToList();
        var appId = Guid.NewGuid();
        var fingerprints = issues.Take(3).Select((issue, i) => KeyValuePair.Create(new FingerprintKey($"hash-{i}", appId, i == 2), issue.Id)).ToList();
        var clientEvents = Enumerable.Range(0, 3).Select(i => new AcceptedClientEvent(appId, Guid.NewGuid(), i == 0 ? null : i)).ToList();
        await Store.WriteAsync(async writer =>
        {
            foreach (var issue in issues)
            {
                await writer.InsertIssueAsync(issue);
            }

            foreach (var comment in comments)
            {
                await writer.InsertCommentAsync(comment);
            }

            foreach (var attachment in attachments)
            {
                await writer.UpsertAttachmentAsync(attachment);
            }

            foreach (var record in audit)
            {
                await writer.AppendAuditAsync(record);
            }

            foreach (var (key, issueId) in fingerprints)
            {
                await writer.AssignFingerprintAsync(key, issueId);
            }

            await writer.RecordClientEventsAsync(clientEvents);
            return true;
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Json(await AllAsync(StoreRecords.Issues(Store, Batch, default))), Is.EquivalentTo(Json(issues)), "issues");
            Assert.That(Json(await AllAsync(StoreRecords.Comments(Store, Batch, default))), Is.EquivalentTo(Json(comments)), "comments, the deleted one too");
            Assert.That(Json(await AllAsync(StoreRecords.Attachments(Store, Batch, default))), Is.EquivalentTo(Json(attachments)), "attachments, reserved and deleted too");
            Assert.That(Json(await AllAsync(StoreRecords.AuditRecords(Store, Batch, default))), Is.EqualTo(Json(audit)), "audit records, in append order");
            Assert.That(Json(await AllAsync(StoreRecords.Fingerprints(Store, Batch, default))), Is.EquivalentTo(Json(fingerprints)), "fingerprints");
            Assert.That(await AllAsync(StoreRecords.ClientEvents(Store, Batch, default)), Is.EquivalentTo(clientEvents), "client event ids with their events' sequences");
        }
    }

    private static List<string> Json<T>(IEnumerable<T> records) => [.. records.Select(KindDigest.Canonical)];

    private static async Task<List<T>> AllAsync<T>(IAsyncEnumerable<IReadOnlyList<T>> pages)
    {
        var all = new List<T>();
        await foreach (var page in pages)
        {
            Assert.That(page, Has.Count.InRange(1, Batch));
            all.AddRange(page);
        }

        return all;
    }
}
