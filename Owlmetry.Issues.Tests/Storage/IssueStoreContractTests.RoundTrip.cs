using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage;

public abstract partial class IssueStoreContractTests
{
    private static readonly string s_longText = string.Concat(Enumerable.Range(0, 1_000).Select(i => $"line {i:D4}\n"));

    private static IEnumerable<TestCaseData> ExactStrings()
    {
        yield return new TestCaseData("  padded both sides  ").SetArgDisplayNames("leading and trailing spaces");
        yield return new TestCaseData("\t tab, newline and CR \r\n").SetArgDisplayNames("tabs and line breaks");
        yield return new TestCaseData("").SetArgDisplayNames("empty");
        yield return new TestCaseData("   ").SetArgDisplayNames("only spaces");
        yield return new TestCaseData("Crash 🦉🔥 in 支付 — ü").SetArgDisplayNames("emoji, CJK, precomposed");
        yield return new TestCaseData("e\u0301 a\u0308 combining marks").SetArgDisplayNames("combining marks");
        yield return new TestCaseData(s_longText).SetArgDisplayNames("10,000 characters");
    }

    private static IEnumerable<TestCaseData> ExactTimes()
    {
        yield return new TestCaseData(new DateTimeOffset(2024, 1, 15, 14, 30, 0, 999, TimeSpan.FromHours(5.5))).SetArgDisplayNames("offset +05:30");
        yield return new TestCaseData(new DateTimeOffset(1969, 12, 31, 23, 59, 59, 999, TimeSpan.Zero)).SetArgDisplayNames("1 ms before the epoch");
        yield return new TestCaseData(DateTimeOffset.UnixEpoch).SetArgDisplayNames("the epoch");
        yield return new TestCaseData(new DateTimeOffset(1, 1, 1, 0, 0, 0, 0, TimeSpan.Zero)).SetArgDisplayNames("year 1");
        yield return new TestCaseData(new DateTimeOffset(9999, 12, 31, 23, 59, 59, 999, TimeSpan.Zero)).SetArgDisplayNames("year 9999");
    }

    [Test]
    public async Task InsertIssue_AllFieldsSet_RoundTripsEveryField()
    {
        var issue = await InsertAsync(new IssueBuilder().WithAllFieldsSet().Build());

        var stored = await ReadAsync(reader => reader.FindIssueAsync(issue.Id));

        Assert.That(stored, Is.EqualTo(issue).UsingPropertiesComparer(), "an issue with every field set came back different");
    }

    [Test]
    public async Task InsertIssue_OptionalFieldsNull_RoundTripsNulls()
    {
        var issue = await InsertAsync(new IssueBuilder().Build());

        var stored = await ReadAsync(reader => reader.FindIssueAsync(issue.Id));

        Assert.That(stored, Is.EqualTo(issue).UsingPropertiesComparer(), "an issue with null optional fields came back different");
    }

    [Test]
    public async Task InsertIssue_EmptyOptionalStrings_StayEmptyRatherThanNull()
    {
        var issue = await InsertAsync(new IssueBuilder().Build() with { SourceModule = "", ResolvedAtVersion = "", LastSeenAppVersion = "" });

        var stored = await ReadAsync(reader => reader.FindIssueAsync(issue.Id));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored?.SourceModule, Is.Empty, "SourceModule");
            Assert.That(stored?.ResolvedAtVersion, Is.Empty, "ResolvedAtVersion");
            Assert.That(stored?.LastSeenAppVersion, Is.Empty, "LastSeenAppVersion");
        }
    }

    [Test]
    public async Task InsertIssue_EmptyGuidId_KeepsTheGivenId()
    {
        await InsertAsync(new IssueBuilder().WithId(Guid.Empty).Build());

        var stored = await ReadAsync(reader => reader.FindIssueAsync(Guid.Empty));

        Assert.That(stored, Is.Not.Null, "an issue inserted with Guid.Empty as id was not found under that id");
    }

    [Test]
    public async Task FindIssue_Unknown_ReturnsNull()
    {
        await InsertAsync(new IssueBuilder().Build());

        var stored = await ReadAsync(reader => reader.FindIssueAsync(Guid.NewGuid()));

        Assert.That(stored, Is.Null);
    }

    [TestCaseSource(nameof(ExactStrings))]
    public async Task InsertIssue_Title_RoundTripsExactly(string title)
    {
        var issue = await InsertAsync(new IssueBuilder().WithTitle(title).Build());

        var stored = await ReadAsync(reader => reader.FindIssueAsync(issue.Id));

        Assert.That(stored?.Title, Is.EqualTo(title), "the title was not stored verbatim");
    }

    [TestCaseSource(nameof(ExactStrings))]
    public async Task InsertComment_Body_RoundTripsExactly(string body)
    {
        var comment = new CommentBuilder(Guid.NewGuid()).WithBody(body).Build();
        await WriteAsync(writer => writer.InsertCommentAsync(comment));

        var stored = await ReadAsync(reader => reader.FindCommentAsync(comment.Id));

        Assert.That(stored?.Body, Is.EqualTo(body), "the comment body was not stored verbatim");
    }

    [TestCaseSource(nameof(ExactTimes))]
    public async Task InsertIssue_MillisecondTimes_RoundTripToTheSameInstant(DateTimeOffset time)
    {
        var issue = await InsertAsync(new IssueBuilder().WithLastSeenAt(time).WithFirstSeenAt(time).Build() with { SnoozedAt = time });

        var stored = await ReadAsync(reader => reader.FindIssueAsync(issue.Id));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored?.LastSeenAt.UtcTicks, Is.EqualTo(time.UtcTicks), "LastSeenAt");
            Assert.That(stored?.FirstSeenAt.UtcTicks, Is.EqualTo(time.UtcTicks), "FirstSeenAt");
            Assert.That(stored?.SnoozedAt?.UtcTicks, Is.EqualTo(time.UtcTicks), "SnoozedAt");
        }
    }

    [Test]
    public async Task InsertOccurrence_AllFieldsSet_RoundTripsEveryField()
    {
        var occurrence = new OccurrenceBuilder(Guid.NewGuid()).WithAllFieldsSet().Build();
        await WriteAsync(writer => writer.InsertOccurrenceAsync(occurrence));

        var stored = await ReadAsync(reader => reader.GetAllOccurrencesAsync(occurrence.IssueId));

        Assert.That(stored, Is.EqualTo(new[] { occurrence }), "an occurrence with every field set came back different");
    }

    [Test]
    public async Task InsertOccurrence_OptionalFieldsNull_RoundTripsNulls()
    {
        var occurrence = new OccurrenceBuilder(Guid.NewGuid()).Build();
        await WriteAsync(writer => writer.InsertOccurrenceAsync(occurrence));

        var stored = await ReadAsync(reader => reader.GetAllOccurrencesAsync(occurrence.IssueId));

        Assert.That(stored, Is.EqualTo(new[] { occurrence }), "an occurrence with null optional fields came back different");
    }

    [Test]
    public async Task InsertComment_AllFieldsSet_RoundTripsEveryField()
    {
        var comment = new CommentBuilder(Guid.NewGuid()).ByAgent("triage-bot").EditedAt(TestTimes.At(10)).DeletedAt(TestTimes.At(20)).Build();
        await WriteAsync(writer => writer.InsertCommentAsync(comment));

        var stored = await ReadAsync(reader => reader.FindCommentAsync(comment.Id));

        Assert.That(stored, Is.EqualTo(comment), "a comment with every field set came back different");
    }

    [Test]
    public async Task InsertComment_NotDeleted_RoundTripsNullDeletedAt()
    {
        var comment = new CommentBuilder(Guid.NewGuid()).Build();
        await WriteAsync(writer => writer.InsertCommentAsync(comment));

        var stored = await ReadAsync(reader => reader.FindCommentAsync(comment.Id));

        Assert.That(stored, Is.EqualTo(comment), "a comment with a null DeletedAt came back different");
    }

    [Test]
    public async Task UpsertAttachment_AllFieldsSet_RoundTripsEveryField()
    {
        var attachment = new AttachmentBuilder(Guid.NewGuid()).Build();
        await WriteAsync(writer => writer.UpsertAttachmentAsync(attachment));

        var stored = await ReadAsync(reader => reader.ListAttachmentsAsync(attachment.IssueId!.Value, 10));

        Assert.That(stored, Is.EqualTo(new[] { attachment }), "an attachment with every listed field set came back different");
    }

    [Test]
    public async Task UpsertAttachment_OptionalFieldsNull_RoundTripsNulls()
    {
        var attachment = new AttachmentBuilder(null).NotUploaded().OfEvent(null).ByUser(null).Build() with { IsDev = false };
        await WriteAsync(writer => writer.UpsertAttachmentAsync(attachment));

        var stored = await ReadAsync(reader => reader.FindAttachmentAsync(attachment.Id));

        Assert.That(stored, Is.EqualTo(attachment), "an attachment with null optional fields came back different");
    }

    [Test]
    public async Task AppendAudit_AllFieldsSet_RoundTripsEveryField()
    {
        var record = new AuditRecordBuilder(Guid.NewGuid()).AsMerge().Build();
        await WriteAsync(writer => writer.AppendAuditAsync(record));

        var stored = await ReadAsync(reader => reader.ListAuditRecordsAsync(record.IssueId));

        Assert.That(stored, Is.EqualTo(new[] { record }), "an audit record with every field set came back different");
    }

    [Test]
    public async Task AppendAudit_OptionalFieldsNull_RoundTripsNulls()
    {
        var record = new AuditRecordBuilder(Guid.NewGuid()).Build() with { ToResolvedAtVersion = null };
        await WriteAsync(writer => writer.AppendAuditAsync(record));

        var stored = await ReadAsync(reader => reader.ListAuditRecordsAsync(record.IssueId));

        Assert.That(stored, Is.EqualTo(new[] { record }), "an audit record with null optional fields came back different");
    }

    [Test]
    public async Task AppendAudit_CommentDeletion_RoundTripsTheCommentId()
    {
        var record = new AuditRecordBuilder(Guid.NewGuid()).AsCommentDeletion().Build();
        await WriteAsync(writer => writer.AppendAuditAsync(record));

        var stored = await ReadAsync(reader => reader.ListAuditRecordsAsync(record.IssueId));

        Assert.That(stored, Is.EqualTo(new[] { record }), "an audit record of a comment's deletion came back different");
    }
}
