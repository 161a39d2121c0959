using Owlmetry.Issues.Fingerprinting;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage;

public abstract partial class IssueStoreContractTests
{
    [Test]
    public async Task WriteAsync_Completed_ReturnsTheDelegatesResult()
    {
        var result = await Store.WriteAsync(_ => ValueTask.FromResult(42));

        Assert.That(result, Is.EqualTo(42));
    }

    [Test]
    public async Task InsertIssue_DuplicateId_ThrowsConflictAndRollsBackTheUnit()
    {
        var existing = await InsertAsync(new IssueBuilder().Build());
        var earlier = new IssueBuilder().Build();
        var comment = new CommentBuilder(existing.Id).Build();

        await Assert.ThatAsync(
            () => WriteAsync(async writer =>
            {
                await writer.InsertIssueAsync(earlier);
                await writer.InsertCommentAsync(comment);
                await writer.InsertIssueAsync(existing with { Title = "duplicate" });
            }),
            Throws.InstanceOf<IssueStoreConflictException>());

        var after = await ReadAsync(async reader => (Earlier: await reader.FindIssueAsync(earlier.Id), Comment: await reader.FindCommentAsync(comment.Id), Existing: await reader.FindIssueAsync(existing.Id)));
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
        await WriteAsync(writer => writer.InsertOccurrenceAsync(first));
        var earlier = new OccurrenceBuilder(first.IssueId).Build();
        var issue = new IssueBuilder().Build();

        await Assert.ThatAsync(
            () => WriteAsync(async writer =>
            {
                await writer.InsertIssueAsync(issue);
                await writer.InsertOccurrenceAsync(earlier);
                await writer.InsertOccurrenceAsync(new OccurrenceBuilder(first.IssueId).InSession(first.SessionId).Build());
            }),
            Throws.InstanceOf<IssueStoreConflictException>());

        var after = await ReadAsync(async reader => (Issue: await reader.FindIssueAsync(issue.Id), Occurrences: await reader.GetAllOccurrencesAsync(first.IssueId)));
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
        await WriteAsync(writer => writer.InsertCommentAsync(comment));

        await Assert.ThatAsync(
            () => WriteAsync(writer => writer.InsertCommentAsync(comment with { Body = "duplicate" })),
            Throws.InstanceOf<IssueStoreConflictException>());

        var stored = await ReadAsync(reader => reader.FindCommentAsync(comment.Id));
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
            () => WriteAsync(async writer =>
            {
                await writer.InsertIssueAsync(issue);
                await writer.UpdateIssueAsync(existing with { OccurrenceCount = 99 });
                await writer.InsertOccurrenceAsync(occurrence);
                await writer.InsertCommentAsync(comment);
                await writer.UpsertAttachmentAsync(attachment);
                await writer.AssignFingerprintAsync(fingerprint, issue.Id);
                await writer.AppendAuditAsync(new AuditRecordBuilder(issue.Id).Build());
                await writer.DeleteIssueAsync(existing.Id);
                throw new InvalidOperationException("boom");
            }),
            Throws.InvalidOperationException.With.Message.EqualTo("boom"));

        var after = await ReadAsync(async reader => new
        {
            Issue = await reader.FindIssueAsync(issue.Id),
            Existing = await reader.FindIssueAsync(existing.Id),
            Occurrences = await reader.GetAllOccurrencesAsync(issue.Id),
            Comment = await reader.FindCommentAsync(comment.Id),
            Attachments = await reader.ListAttachmentsAsync(issue.Id, 10),
            Fingerprint = await reader.FindIssueIdByFingerprintAsync(fingerprint),
            Audit = await reader.ListAuditRecordsAsync(issue.Id),
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

        await WriteAsync(writer => writer.InsertIssueAsync(issue));

        var stored = await ReadAsync(reader => reader.FindIssueAsync(issue.Id));
        Assert.That(stored, Is.Not.Null, "the store did not recover from a failed unit");
    }

    [Test]
    public async Task UpdateIssue_Missing_ThrowsInvalidOperation()
    {
        var issue = new IssueBuilder().Build();

        await Assert.ThatAsync(() => WriteAsync(writer => writer.UpdateIssueAsync(issue)), Throws.InvalidOperationException);
    }

    [Test]
    public async Task DeleteIssue_Existing_RemovesIt()
    {
        var issue = await InsertAsync(new IssueBuilder().Build());

        await WriteAsync(writer => writer.DeleteIssueAsync(issue.Id));

        var stored = await ReadAsync(reader => reader.FindIssueAsync(issue.Id));
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
    public async Task WriteAsync_StartedInsideAUnit_ThrowsInsteadOfDeadlocking()
    {
        await Assert.ThatAsync(
            () => Store.WriteAsync(async _ => await Store.ReadAsync(reader => reader.FindIssueAsync(Guid.NewGuid()))),
            Throws.InvalidOperationException.With.Message.Contains("do not nest"));
    }

    [Test]
    public async Task WriteAsync_CancelledBeforeStart_DoesNotRunTheUnit()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var ran = false;

        await Assert.ThatAsync(
            () => Store.WriteAsync(_ => ValueTask.FromResult(ran = true), cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());

        Assert.That(ran, Is.False, "a cancelled unit ran");
    }
}
