using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage;

public abstract partial class IssueStoreContractTests
{
    [Test]
    public async Task ListComments_SeveralWithEqualTimes_ReturnsOldestFirstByIdTieBreakWithoutDeleted()
    {
        var issueId = Guid.NewGuid();
        var comments = Enumerable.Range(0, 8).Select(i => new CommentBuilder(issueId).CreatedAt(TestTimes.At(-(i % 3))).Build()).ToList();
        var deleted = new CommentBuilder(issueId).CreatedAt(TestTimes.At(-1)).DeletedAt(TestTimes.At(5)).Build();
        var otherIssue = new CommentBuilder(Guid.NewGuid()).Build();
        await WriteAsync(async writer =>
        {
            foreach (var comment in comments.Append(deleted).Append(otherIssue))
            {
                await writer.InsertCommentAsync(comment);
            }
        });

        var listed = await ReadAsync(reader => reader.ListCommentsAsync(issueId));

        var expected = comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id);
        Assert.That(listed, Is.EqualTo(expected), "comments are not the issue's non-deleted ones, oldest first then by id");
    }

    [Test]
    public async Task FindComment_SoftDeleted_IsStillFound()
    {
        var comment = new CommentBuilder(Guid.NewGuid()).DeletedAt(TestTimes.At(1)).Build();
        await WriteAsync(writer => writer.InsertCommentAsync(comment));

        var found = await ReadAsync(reader => reader.FindCommentAsync(comment.Id));

        Assert.That(found, Is.EqualTo(comment));
    }

    [Test]
    public async Task UpdateComment_Existing_ReplacesIt()
    {
        var comment = new CommentBuilder(Guid.NewGuid()).Build();
        await WriteAsync(writer => writer.InsertCommentAsync(comment));
        var edited = comment with { Body = "  edited body  ", UpdatedAt = TestTimes.At(60_000) };

        await WriteAsync(writer => writer.UpdateCommentAsync(edited));

        var (found, listed) = await ReadAsync(async reader => (await reader.FindCommentAsync(comment.Id), await reader.ListCommentsAsync(comment.IssueId)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Is.EqualTo(edited), "found by id");
            Assert.That(listed, Is.EqualTo(new[] { edited }), "listed under its issue");
        }
    }

    [Test]
    public async Task UpdateComment_Missing_ThrowsInvalidOperation()
    {
        var comment = new CommentBuilder(Guid.NewGuid()).Build();

        await Assert.ThatAsync(() => WriteAsync(writer => writer.UpdateCommentAsync(comment)), Throws.InvalidOperationException);
    }

    [Test]
    public async Task MoveComments_ToAnotherIssue_RepointsAllIncludingDeleted()
    {
        var from = Guid.NewGuid();
        var to = Guid.NewGuid();
        var live = new CommentBuilder(from).CreatedAt(TestTimes.At(1)).Build();
        var deleted = new CommentBuilder(from).DeletedAt(TestTimes.At(2)).Build();
        var targets = new CommentBuilder(to).CreatedAt(TestTimes.At(0)).Build();
        await WriteAsync(async writer =>
        {
            await writer.InsertCommentAsync(live);
            await writer.InsertCommentAsync(deleted);
            await writer.InsertCommentAsync(targets);
        });

        await WriteAsync(writer => writer.MoveCommentsAsync(from, to));

        var (source, target, movedDeleted) = await ReadAsync(async reader => (await reader.ListCommentsAsync(from), await reader.ListCommentsAsync(to), await reader.FindCommentAsync(deleted.Id)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(source, Is.Empty, "the source still lists comments");
            Assert.That(target, Is.EqualTo(new[] { targets, live with { IssueId = to } }), "the target does not list both, oldest first");
            Assert.That(movedDeleted?.IssueId, Is.EqualTo(to), "the deleted comment did not move");
        }
    }

    [Test]
    public async Task ListAttachments_SeveralWithEqualTimes_ReturnsNewestFirstByIdWithoutDeletedAndLimited()
    {
        var issueId = Guid.NewGuid();
        var attachments = Enumerable.Range(0, 7).Select(i => new AttachmentBuilder(issueId).CreatedAt(TestTimes.At(i % 3)).Build()).ToList();
        var deleted = new AttachmentBuilder(issueId).CreatedAt(TestTimes.At(9)).DeletedAt(TestTimes.At(10)).Build();
        var unlinked = new AttachmentBuilder(null).CreatedAt(TestTimes.At(9)).Build();
        var otherIssue = new AttachmentBuilder(Guid.NewGuid()).CreatedAt(TestTimes.At(9)).Build();
        await WriteAsync(async writer =>
        {
            foreach (var attachment in attachments.Append(deleted).Append(unlinked).Append(otherIssue))
            {
                await writer.UpsertAttachmentAsync(attachment);
            }
        });

        var listed = await ReadAsync(reader => reader.ListAttachmentsAsync(issueId, 5));

        var expected = attachments.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(5);
        Assert.That(listed, Is.EqualTo(expected), "attachments are not the issue's 5 newest non-deleted ones, newest first then by id");
    }

    [Test]
    public async Task UpsertAttachment_LinkingAnUnlinkedOne_ListsItUnderTheIssue()
    {
        var attachment = new AttachmentBuilder(null).Build();
        await WriteAsync(writer => writer.UpsertAttachmentAsync(attachment));
        var issueId = Guid.NewGuid();

        await WriteAsync(writer => writer.UpsertAttachmentAsync(attachment with { IssueId = issueId }));

        var listed = await ReadAsync(reader => reader.ListAttachmentsAsync(issueId, 10));
        Assert.That(listed, Is.EqualTo(new[] { attachment with { IssueId = issueId } }));
    }

    [Test]
    public async Task MoveAttachments_ToAnotherIssue_ListsThemUnderTheTarget()
    {
        var from = Guid.NewGuid();
        var to = Guid.NewGuid();
        var moved = new AttachmentBuilder(from).CreatedAt(TestTimes.At(2)).Build();
        var deleted = new AttachmentBuilder(from).DeletedAt(TestTimes.At(3)).Build();
        var kept = new AttachmentBuilder(to).CreatedAt(TestTimes.At(1)).Build();
        await WriteAsync(async writer =>
        {
            await writer.UpsertAttachmentAsync(moved);
            await writer.UpsertAttachmentAsync(deleted);
            await writer.UpsertAttachmentAsync(kept);
        });

        await WriteAsync(writer => writer.MoveAttachmentsAsync(from, to));
        await WriteAsync(writer => writer.UpsertAttachmentAsync(deleted with { IssueId = to, DeletedAt = null }));

        var (source, target) = await ReadAsync(async reader => (await reader.ListAttachmentsAsync(from, 10), await reader.ListAttachmentsAsync(to, 10)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(source, Is.Empty, "the source still lists attachments");
            Assert.That(target.Select(a => a.Id), Is.EquivalentTo(new[] { moved.Id, kept.Id, deleted.Id }), "the target does not list the moved attachments");
        }
    }

    [Test]
    public async Task ListAuditRecords_SeveralIssues_ReturnsThatIssuesRecordsInAppendOrder()
    {
        var issueId = Guid.NewGuid();
        var records = new[]
        {
            new AuditRecordBuilder(issueId).CreatedAt(TestTimes.At(5)).Build(),
            new AuditRecordBuilder(issueId).AsMerge().CreatedAt(TestTimes.At(1)).Build(),
            new AuditRecordBuilder(issueId).CreatedAt(TestTimes.At(5)).Build(),
        };
        await WriteAsync(writer => writer.AppendAuditAsync(records[0]));
        await WriteAsync(async writer =>
        {
            await writer.AppendAuditAsync(new AuditRecordBuilder(Guid.NewGuid()).Build());
            await writer.AppendAuditAsync(records[1]);
            await writer.AppendAuditAsync(records[2]);
        });

        var listed = await ReadAsync(reader => reader.ListAuditRecordsAsync(issueId));

        Assert.That(listed, Is.EqualTo(records), "audit records are not the issue's own, in the order they were appended");
    }

    [Test]
    public async Task FindIssueIdByFingerprint_Unknown_ReturnsNull()
    {
        await WriteAsync(writer => writer.AssignFingerprintAsync(new FingerprintKey("aa11", TestIds.App, false), Guid.NewGuid()));

        var found = await ReadAsync(reader => reader.FindIssueIdByFingerprintAsync(new FingerprintKey("bb22", TestIds.App, false)));

        Assert.That(found, Is.Null);
    }

    [Test]
    public async Task AssignFingerprint_AssignedAgain_RepointsToTheNewIssue()
    {
        var key = new FingerprintKey("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", TestIds.App, false);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await WriteAsync(writer => writer.AssignFingerprintAsync(key, first));

        await WriteAsync(writer => writer.AssignFingerprintAsync(key, second));

        var found = await ReadAsync(reader => reader.FindIssueIdByFingerprintAsync(key));
        Assert.That(found, Is.EqualTo(second), "the fingerprint still points at its first issue");
    }

    [Test]
    public async Task AssignFingerprint_SameHashOtherAppOrSide_KeepsSeparateAliases()
    {
        var prod = new FingerprintKey("aa11", TestIds.App, false);
        var dev = prod with { IsDev = true };
        var otherApp = prod with { AppId = TestIds.OtherApp };
        var (prodIssue, devIssue, otherAppIssue) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await WriteAsync(async writer =>
        {
            await writer.AssignFingerprintAsync(prod, prodIssue);
            await writer.AssignFingerprintAsync(dev, devIssue);
            await writer.AssignFingerprintAsync(otherApp, otherAppIssue);
        });

        var found = new List<Guid?>();
        foreach (var key in new[] { prod, dev, otherApp })
        {
            found.Add(await ReadAsync(reader => reader.FindIssueIdByFingerprintAsync(key)));
        }

        Assert.That(found, Is.EqualTo(new Guid?[] { prodIssue, devIssue, otherAppIssue }), "a fingerprint is scoped per (hash, app, dev/prod)");
    }
}
