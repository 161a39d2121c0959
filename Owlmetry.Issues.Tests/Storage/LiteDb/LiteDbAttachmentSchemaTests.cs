using LiteDB;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.LiteDb;
using Owlmetry.Issues.Storage.LiteDb.Documents;
using Owlmetry.Issues.Storage.LiteDb.Keys;
using Owlmetry.Issues.Storage.LiteDb.Schema;
using Owlmetry.Issues.Storage.LiteDb.Units;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.LiteDb;

/// <summary>The attachment migration on files written before it, and the index use of attachment lists.</summary>
[TestFixture]
public sealed class LiteDbAttachmentSchemaTests
{
    private TempFolder _folder = null!;
    private string _path = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = new TempFolder();
        _path = _folder.File("issues.db");
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public async Task Constructor_FileOfSchemaVersion2_KeysAndCountsExistingAttachments()
    {
        var issueId = Guid.NewGuid();
        var uploaded = new AttachmentBuilder(issueId).ByUser("alice").Sized(300).Build();
        var reserved = new AttachmentBuilder(null).ByUser("alice").Sized(50).NotUploaded().CreatedAt(TestTimes.At(1)).Build();
        var deleted = new AttachmentBuilder(null).ByUser("alice").Sized(7).DeletedAt(TestTimes.At(2)).Build();
        using (var version2 = new LiteDbIssueStore(new LiteDbIssueStoreOptions { Path = _path }, [.. LiteDbSchema.Migrations.Take(2)]))
        {
            await version2.WriteDatabaseAsync(db =>
            {
                var attachments = db.GetCollection(CollectionNames.Attachments);
                foreach (var attachment in new[] { uploaded, reserved, deleted })
                {
                    attachments.Insert(AsWrittenBeforeMigration2(db, attachment));
                }

                return true;
            });
        }

        using var migrated = new LiteDbIssueStore(_path);
        var after = await migrated.ReadAsync(async r => new
        {
            Listed = await r.ListAttachmentsAsync(new AttachmentListFilter([TestIds.Project]), null, 10),
            Detail = await r.ListAttachmentsAsync(issueId, 10),
            ProjectBytes = await r.GetProjectAttachmentBytesAsync(TestIds.Project),
            UserBytes = await r.GetUserAttachmentBytesAsync(TestIds.Project, "alice"),
            Purgeable = (await r.ListAttachmentsToPurgeAsync(TestTimes.At(10), TestTimes.At(10), 10)).Select(a => a.Id).ToList(),
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(after.Listed, Is.EqualTo(new[] { uploaded }), "project list after migrating");
            Assert.That(after.Detail, Is.EqualTo(new[] { uploaded }), "issue list after migrating");
            Assert.That(after.ProjectBytes, Is.EqualTo(350), "project bytes counted from existing rows");
            Assert.That(after.UserBytes, Is.EqualTo(350), "user bytes counted from existing rows");
            Assert.That(after.Purgeable, Is.EquivalentTo(new[] { reserved.Id, deleted.Id }), "cleanup candidates after migrating");
        }
    }

    [Test]
    public void ListAttachments_ProjectLane_IsAnIndexRangeScanWithoutSort()
    {
        using var store = new LiteDbIssueStore(_path);

        var plan = KeyRange.Build(store.Collections.Attachments, nameof(AttachmentDocument.ProjectKey), StorageKeys.Project(TestIds.Project), bound: null, descending: true)
            .Limit(51)
            .GetPlan();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan["index"]["mode"].AsString, Does.StartWith("INDEX RANGE SCAN"), plan.ToString());
            Assert.That(plan["index"]["name"].AsString, Is.EqualTo(IndexNames.AttachmentsProject), plan.ToString());
            Assert.That(plan.ContainsKey("orderBy"), Is.False, $"the plan sorts instead of reading the index in order: {plan}");
        }
    }

    /// <summary>The row as the code before migration 2 stored it: no project key, no pending marker, no byte counters.</summary>
    private static BsonDocument AsWrittenBeforeMigration2(ILiteDatabase db, IssueAttachment attachment)
    {
        var document = db.Mapper.ToDocument(AttachmentDocument.From(attachment));
        document.Remove(nameof(AttachmentDocument.ProjectKey));
        document.Remove(nameof(AttachmentDocument.PendingSince));
        return document;
    }
}
