using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage;

public abstract partial class IssueStoreContractTests
{
    [Test]
    public async Task WriteAsync_Completed_ReturnsTheDelegatesResult()
    {
        var result = await Store.WriteAsync(_ => 42);

        Assert.That(result, Is.EqualTo(42));
    }

    [Test]
    public async Task InsertIssue_DuplicateId_ThrowsConflictAndRollsBackTheUnit()
    {
        var existing = await InsertAsync(new IssueBuilder().Build());
        var earlier = new IssueBuilder().Build();
        var comment = new CommentBuilder(existing.Id).Build();

        await Assert.ThatAsync(
            () => WriteAsync(writer =>
            {
                writer.InsertIssue(earlier);
                writer.InsertComment(comment);
                writer.InsertIssue(existing with { Title = "duplicate" });
            }),
            Throws.InstanceOf<IssueStoreConflictException>());

        var after = await ReadAsync(reader => (Earlier: reader.FindIssue(earlier.Id), Comment: reader.FindComment(comment.Id), Existing: reader.FindIssue(existing.Id)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after.Earlier, Is.Null, "an issue inserted earlier in the failed unit is visible");
            Assert.That(after.Comment, Is.Null, "a comment inserted earlier in the failed unit is visible");
            Assert.That(after.Existing?.Title, Is.EqualTo(existing.Title), "the existing issue was overwritten");
        }
    }

    [Test]
    public async Task InsertOccurrence_SecondOfOneSessionInOneIssue_ThrowsConflictAndRollsBackTheUnit()
    {
        var first = new OccurrenceBuilder(Guid.NewGuid()).Build();
        await WriteAsync(writer => writer.InsertOccurrence(first));
        var earlier = new OccurrenceBuilder(first.IssueId).Build();
        var issue = new IssueBuilder().Build();

        await Assert.ThatAsync(
            () => WriteAsync(writer =>
            {
                writer.InsertIssue(issue);
                writer.InsertOccurrence(earlier);
                writer.InsertOccurrence(new OccurrenceBuilder(first.IssueId).InSession(first.SessionId).Build());
            }),
            Throws.InstanceOf<IssueStoreConflictException>());

        var after = await ReadAsync(reader => (Issue: reader.FindIssue(issue.Id), Occurrences: reader.GetAllOccurrences(first.IssueId)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after.Issue, Is.Null, "an issue inserted earlier in the failed unit is visible");
            Assert.That(after.Occurrences, Is.EqualTo(new[] { first }), "the issue's occurrences changed");
        }
    }

    [Test]
    public async Task InsertComment_DuplicateId_ThrowsConflict()
    {
        var comment = new CommentBuilder(Guid.NewGuid()).Build();
        await WriteAsync(writer => writer.InsertComment(comment));

        await Assert.ThatAsync(
            () => WriteAsync(writer => writer.InsertComment(comment with { Body = "duplicate" })),
            Throws.InstanceOf<IssueStoreConflictException>());

        var stored = await ReadAsync(reader => reader.FindComment(comment.Id));
        Assert.That(stored?.Body, Is.EqualTo(comment.Body), "the existing comment was overwritten");
    }

    [Test]
    public async Task WriteAsync_DelegateThrowsAfterSeveralWrites_RollsBackEveryWrite()
    {
        var existing = await InsertAsync(new IssueBuilder().WithOccurrenceCount(1).Build());
        var issue = new IssueBuilder().Build();
        var occurrence = new OccurrenceBuilder(issue.Id).Build();
        var comment = new CommentBuilder(issue.Id).Build();
        var attachment = new AttachmentBuilder(issue.Id).Build();
        var fingerprint = new FingerprintKey("cafe", TestIds.App, false);

        await Assert.ThatAsync(
            () => WriteAsync(writer =>
            {
                writer.InsertIssue(issue);
                writer.UpdateIssue(existing with { OccurrenceCount = 99 });
                writer.InsertOccurrence(occurrence);
                writer.InsertComment(comment);
                writer.UpsertAttachment(attachment);
                writer.AssignFingerprint(fingerprint, issue.Id);
                writer.AppendAudit(new AuditRecordBuilder(issue.Id).Build());
                writer.DeleteIssue(existing.Id);
                throw new InvalidOperationException("boom");
            }),
            Throws.InvalidOperationException.With.Message.EqualTo("boom"));

        var after = await ReadAsync(reader => new
        {
            Issue = reader.FindIssue(issue.Id),
            Existing = reader.FindIssue(existing.Id),
            Occurrences = reader.GetAllOccurrences(issue.Id),
            Comment = reader.FindComment(comment.Id),
            Attachments = reader.ListAttachments(issue.Id, 10),
            Fingerprint = reader.FindIssueIdByFingerprint(fingerprint),
            Audit = reader.ListAuditRecords(issue.Id),
        });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after.Issue, Is.Null, "inserted issue");
            Assert.That(after.Existing?.OccurrenceCount, Is.EqualTo(1), "updated, then deleted issue");
            Assert.That(after.Occurrences, Is.Empty, "occurrence");
            Assert.That(after.Comment, Is.Null, "comment");
            Assert.That(after.Attachments, Is.Empty, "attachment");
            Assert.That(after.Fingerprint, Is.Null, "fingerprint");
            Assert.That(after.Audit, Is.Empty, "audit record");
        }
    }

    [Test]
    public async Task WriteAsync_AfterAFailedUnit_CommitsTheNextOne()
    {
        await Assert.ThatAsync(() => WriteAsync(_ => throw new InvalidOperationException("boom")), Throws.InvalidOperationException);
        var issue = new IssueBuilder().Build();

        await WriteAsync(writer => writer.InsertIssue(issue));

        var stored = await ReadAsync(reader => reader.FindIssue(issue.Id));
        Assert.That(stored, Is.Not.Null, "the store did not recover from a failed unit");
    }

    [Test]
    public async Task UpdateIssue_Missing_ThrowsInvalidOperation()
    {
        var issue = new IssueBuilder().Build();

        await Assert.ThatAsync(() => WriteAsync(writer => writer.UpdateIssue(issue)), Throws.InvalidOperationException);
    }

    [Test]
    public async Task DeleteIssue_Existing_RemovesIt()
    {
        var issue = await InsertAsync(new IssueBuilder().Build());

        await WriteAsync(writer => writer.DeleteIssue(issue.Id));

        var stored = await ReadAsync(reader => reader.FindIssue(issue.Id));
        Assert.That(stored, Is.Null);
    }

    [Test]
    public async Task ReadAsync_DelegateThrows_PropagatesTheException()
    {
        await InsertAsync(new IssueBuilder().Build());

        await Assert.ThatAsync(
            () => Store.ReadAsync<int>(_ => throw new InvalidOperationException("read failed")),
            Throws.InvalidOperationException.With.Message.EqualTo("read failed"));
    }

    [Test]
    public async Task WriteAsync_CancelledBeforeStart_DoesNotRunTheUnit()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var ran = false;

        await Assert.ThatAsync(
            () => Store.WriteAsync(_ => ran = true, cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());

        Assert.That(ran, Is.False, "a cancelled unit ran");
    }
}
