using Owlmetry.Issues.Access;
using Owlmetry.Issues.Auditing;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Services;

public sealed class IssueServiceCommentTests
{
    private TeamWorld _world = null!;
    private Issue _issue = null!;

    [SetUp]
    public async Task SetUp()
    {
        _world = new TeamWorld();
        _issue = await _world.SeedAsync();
    }

    [Test]
    public async Task AddCommentAsync_ByUser_TrimsBodyAndRecordsUserAuthor()
    {
        var result = await _world.Service.AddCommentAsync(_world.Member, _world.Project.Id, _issue.Id, "  **Investigating**\n ");

        var comment = result.Value;
        Assert.That(comment.Body, Is.EqualTo("**Investigating**"));
        Assert.That(comment.Author, Is.EqualTo(new CommentAuthor(AuthorType.User, _world.Member.Id, "Mia Member")));
        Assert.That(comment.CreatedAt, Is.EqualTo(comment.UpdatedAt).And.EqualTo(_world.Clock.GetUtcNow()));
    }

    [Test]
    public async Task AddCommentAsync_ByAgentKey_RecordsAgentAuthor()
    {
        var result = await _world.Service.AddCommentAsync(_world.Agent, _world.Project.Id, _issue.Id, "root cause: DNS");

        Assert.That(result.Value.Author, Is.EqualTo(new CommentAuthor(AuthorType.Agent, _world.Agent.Id, "triage-bot")));
    }

    [Test]
    public async Task AddCommentAsync_Success_BumpsIssueUpdatedAt()
    {
        _world.Clock.Advance(TimeSpan.FromMinutes(3));

        await _world.Service.AddCommentAsync(_world.Member, _world.Project.Id, _issue.Id, "hello");

        var stored = await _world.Issues.Store.ReadAsync(r => r.FindIssueAsync(_issue.Id));
        Assert.That(stored!.UpdatedAt, Is.EqualTo(_world.Clock.GetUtcNow()));
    }

    [Test]
    public async Task ListCommentsAsync_CommentsAddedUnderAFrozenClock_ListsThemInTheOrderAdded()
    {
        string[] bodies = ["one", "two", "three", "four", "five", "six"];
        foreach (var body in bodies)
        {
            await _world.Service.AddCommentAsync(_world.Member, _world.Project.Id, _issue.Id, body);
        }

        var listed = (await _world.Service.ListCommentsAsync(_world.Member, _world.Project.Id, _issue.Id)).Value;

        Assert.That(listed.Select(c => c.Body), Is.EqualTo(bodies), "comments of one millisecond, in the order they were added");
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" \n\t ")]
    public async Task AddCommentAsync_BlankBody_IsInvalid(string? body)
    {
        var result = await _world.Service.AddCommentAsync(_world.Member, _world.Project.Id, _issue.Id, body);

        Assert.That(result.Error, Is.EqualTo(IssueError.Invalid("body is required")));
    }

    [Test]
    public async Task AddCommentAsync_BodyAtAndOverLimit_AcceptsTenThousandAndRefusesMore()
    {
        var atLimit = await _world.Service.AddCommentAsync(_world.Member, _world.Project.Id, _issue.Id, new string('a', 10_000));
        var overLimit = await _world.Service.AddCommentAsync(_world.Member, _world.Project.Id, _issue.Id, new string('a', 10_001));

        Assert.That(atLimit.IsSuccess, Is.True);
        Assert.That(overLimit.Error, Is.EqualTo(IssueError.Invalid("body must be at most 10000 characters")));
    }

    [Test]
    public async Task AddCommentAsync_BodyWithANulCharacter_IsRefusedAndAddsNothing()
    {
        var result = await _world.Service.AddCommentAsync(_world.Member, _world.Project.Id, _issue.Id, "see\0log");

        Assert.That(result.Error, Is.EqualTo(IssueError.Invalid("body must not contain the NUL character (U+0000)")));
        Assert.That((await _world.Service.ListCommentsAsync(_world.Member, _world.Project.Id, _issue.Id)).Value, Is.Empty);
    }

    [Test]
    public async Task ListCommentsAsync_ReturnsOldestFirst()
    {
        var first = await AddAsync(_world.Member, "first");
        _world.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await AddAsync(_world.Admin, "second");

        var comments = await _world.Service.ListCommentsAsync(_world.ReadOnlyAgent, _world.Project.Id, _issue.Id);

        Assert.That(comments.Value.Select(c => c.Id), Is.EqualTo(new[] { first.Id, second.Id }));
    }

    [Test]
    public async Task EditCommentAsync_ByAuthor_ChangesBodyAndBumpsCommentUpdatedAt()
    {
        var comment = await AddAsync(_world.Member, "draft");
        _world.Clock.Advance(TimeSpan.FromMinutes(1));

        var edited = await _world.Service.EditCommentAsync(_world.Member, _world.Project.Id, _issue.Id, comment.Id, " final ");

        Assert.That(edited.Value.Body, Is.EqualTo("final"));
        Assert.That(edited.Value.UpdatedAt, Is.EqualTo(_world.Clock.GetUtcNow()));
        Assert.That(edited.Value.CreatedAt, Is.EqualTo(comment.CreatedAt));
    }

    [Test]
    public async Task EditCommentAsync_BlankBody_IsRefusedBeforeTheCommentIsLookedUpOrItsAuthorChecked()
    {
        var othersComment = await AddAsync(_world.Agent, "by the bot");

        var unknown = await _world.Service.EditCommentAsync(_world.Member, _world.Project.Id, _issue.Id, Guid.NewGuid(), " ");
        var notTheirs = await _world.Service.EditCommentAsync(_world.Member, _world.Project.Id, _issue.Id, othersComment.Id, " ");

        Assert.That((unknown.Error, notTheirs.Error), Is.EqualTo((IssueError.Invalid("body is required"), IssueError.Invalid("body is required"))),
            "the reference checks the body first");
    }

    [Test]
    public async Task EditAndDeleteCommentAsync_IssueNotInTheProject_IsTheCommentNotFound()
    {
        var comment = await AddAsync(_world.Member, "mine");

        var edited = await _world.Service.EditCommentAsync(_world.Member, _world.Project.Id, Guid.NewGuid(), comment.Id, "theirs");
        var deleted = await _world.Service.DeleteCommentAsync(_world.Member, _world.Project.Id, Guid.NewGuid(), comment.Id);

        Assert.That((edited.Error, deleted.Error), Is.EqualTo((IssueError.NotFound("Comment not found"), IssueError.NotFound("Comment not found"))),
            "as the reference answers: it looks the comment up by its id and issue");
    }

    [Test]
    public async Task EditCommentAsync_ByAnotherUserEvenOwner_IsForbidden()
    {
        var comment = await AddAsync(_world.Member, "mine");

        var result = await _world.Service.EditCommentAsync(_world.Owner, _world.Project.Id, _issue.Id, comment.Id, "theirs");

        Assert.That(result.Error, Is.EqualTo(IssueError.Forbidden("Only the original author can edit this comment")));
    }

    [Test]
    public async Task EditCommentAsync_AgentWithSameIdAsUserAuthor_IsForbidden()
    {
        var comment = await AddAsync(_world.Agent, "by the bot");
        var impostor = Actor.User(_world.Agent.Id, "same id", new Dictionary<Guid, TeamRole> { [_world.TeamId] = TeamRole.Member });

        var result = await _world.Service.EditCommentAsync(impostor, _world.Project.Id, _issue.Id, comment.Id, "changed");

        Assert.That(result.Error?.Kind, Is.EqualTo(IssueErrorKind.Forbidden));
    }

    [Test]
    public async Task EditCommentAsync_BlankBody_IsInvalid()
    {
        var comment = await AddAsync(_world.Member, "mine");

        var result = await _world.Service.EditCommentAsync(_world.Member, _world.Project.Id, _issue.Id, comment.Id, "  ");

        Assert.That(result.Error?.Kind, Is.EqualTo(IssueErrorKind.Invalid));
    }

    [Test]
    public async Task DeleteCommentAsync_ByAuthor_SoftDeletesAndHidesEverywhere()
    {
        var comment = await AddAsync(_world.Member, "oops");

        var deleted = await _world.Service.DeleteCommentAsync(_world.Member, _world.Project.Id, _issue.Id, comment.Id);

        Assert.That(deleted.Value.DeletedAt, Is.EqualTo(_world.Clock.GetUtcNow()));
        var listed = await _world.Service.ListCommentsAsync(_world.Member, _world.Project.Id, _issue.Id);
        var detail = await _world.Service.GetAsync(_world.Member, _world.Project.Id, _issue.Id, new OccurrencePageRequest());
        Assert.That(listed.Value, Is.Empty);
        Assert.That(detail.Value.Comments, Is.Empty);
        var stored = await _world.Issues.Store.ReadAsync(r => r.FindCommentAsync(comment.Id));
        Assert.That(stored?.Body, Is.EqualTo("oops"), "soft delete keeps the row");
    }

    [TestCase(TeamRole.Owner)]
    [TestCase(TeamRole.Admin)]
    public async Task DeleteCommentAsync_ByTeamOwnerOrAdmin_Succeeds(TeamRole role)
    {
        var comment = await AddAsync(_world.Member, "someone else's");
        var manager = role == TeamRole.Owner ? _world.Owner : _world.Admin;

        var result = await _world.Service.DeleteCommentAsync(manager, _world.Project.Id, _issue.Id, comment.Id);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
    }

    [Test]
    public async Task DeleteCommentAsync_ByOtherMember_IsForbidden()
    {
        var comment = await AddAsync(_world.Admin, "admin's");

        var result = await _world.Service.DeleteCommentAsync(_world.Member, _world.Project.Id, _issue.Id, comment.Id);

        Assert.That(result.Error, Is.EqualTo(IssueError.Forbidden("Only the original author or a team admin can delete this comment")));
    }

    [Test]
    public async Task DeleteCommentAsync_ByAgentOfTeamNotAuthor_IsForbidden()
    {
        var comment = await AddAsync(_world.Member, "member's");

        var result = await _world.Service.DeleteCommentAsync(_world.Agent, _world.Project.Id, _issue.Id, comment.Id);

        Assert.That(result.Error?.Kind, Is.EqualTo(IssueErrorKind.Forbidden));
    }

    [Test]
    public async Task DeleteCommentAsync_Twice_SecondIsNotFound()
    {
        var comment = await AddAsync(_world.Member, "once");
        await _world.Service.DeleteCommentAsync(_world.Member, _world.Project.Id, _issue.Id, comment.Id);

        var again = await _world.Service.DeleteCommentAsync(_world.Member, _world.Project.Id, _issue.Id, comment.Id);

        Assert.That(again.Error, Is.EqualTo(IssueError.NotFound("Comment not found")));
    }

    [Test]
    public async Task EditCommentAsync_DeletedComment_IsNotFound()
    {
        var comment = await AddAsync(_world.Member, "gone");
        await _world.Service.DeleteCommentAsync(_world.Member, _world.Project.Id, _issue.Id, comment.Id);

        var result = await _world.Service.EditCommentAsync(_world.Member, _world.Project.Id, _issue.Id, comment.Id, "back");

        Assert.That(result.Error, Is.EqualTo(IssueError.NotFound("Comment not found")));
    }

    [Test]
    public async Task EditCommentAsync_CommentOfAnotherIssue_IsNotFound()
    {
        var other = await _world.SeedAsync("other issue");
        var comment = await AddAsync(_world.Member, "on the first issue");

        var result = await _world.Service.EditCommentAsync(_world.Member, _world.Project.Id, other.Id, comment.Id, "moved?");

        Assert.That(result.Error, Is.EqualTo(IssueError.NotFound("Comment not found")));
    }

    [Test]
    public async Task AddCommentAsync_IssueNotInPathProject_IsNotFound()
    {
        var secondProject = _world.Issues.AddProject(_world.TeamId, "Second");

        var result = await _world.Service.AddCommentAsync(_world.Member, secondProject.Id, _issue.Id, "wrong path");

        Assert.That(result.Error, Is.EqualTo(IssueError.NotFound("Issue not found")));
    }

    [Test]
    public async Task ListCommentsAsync_Outsider_IsProjectNotFound()
    {
        var result = await _world.Service.ListCommentsAsync(_world.Outsider, _world.Project.Id, _issue.Id);

        Assert.That(result.Error, Is.EqualTo(IssueError.NotFound("Project not found")));
    }

    [Test]
    public async Task EditCommentAsync_ByAuthor_IsAuditedWithTheComment()
    {
        var comment = await AddAsync(_world.Member, "draft");
        _world.Clock.Advance(TimeSpan.FromMinutes(1));

        await _world.Service.EditCommentAsync(_world.Member, _world.Project.Id, _issue.Id, comment.Id, "final");

        var audit = await _world.Issues.Store.ReadAsync(r => r.ListAuditRecordsAsync(_issue.Id));
        Assert.That(audit, Has.Count.EqualTo(1));
        Assert.That(audit[0], Has.Property(nameof(AuditRecord.Action)).EqualTo(AuditActions.CommentEdited)
            .And.Property(nameof(AuditRecord.CommentId)).EqualTo(comment.Id)
            .And.Property(nameof(AuditRecord.ActorId)).EqualTo(_world.Member.Id)
            .And.Property(nameof(AuditRecord.FromStatus)).EqualTo(_issue.Status)
            .And.Property(nameof(AuditRecord.ToStatus)).EqualTo(_issue.Status)
            .And.Property(nameof(AuditRecord.CreatedAt)).EqualTo(_world.Clock.GetUtcNow()));
    }

    [Test]
    public async Task DeleteCommentAsync_ByAdmin_IsAuditedAsTheAdmin()
    {
        var comment = await AddAsync(_world.Member, "someone else's");

        await _world.Service.DeleteCommentAsync(_world.Admin, _world.Project.Id, _issue.Id, comment.Id);

        var audit = await _world.Issues.Store.ReadAsync(r => r.ListAuditRecordsAsync(_issue.Id));
        Assert.That(audit.Select(a => (a.Action, a.CommentId, a.ActorId)), Is.EqualTo(new[] { (AuditActions.CommentDeleted, (Guid?)comment.Id, _world.Admin.Id) }));
    }

    [Test]
    public async Task EditAndDeleteCommentAsync_Refused_AreNotAudited()
    {
        var comment = await AddAsync(_world.Admin, "admin's");

        await _world.Service.EditCommentAsync(_world.Member, _world.Project.Id, _issue.Id, comment.Id, "changed");
        await _world.Service.DeleteCommentAsync(_world.Member, _world.Project.Id, _issue.Id, comment.Id);
        await _world.Service.EditCommentAsync(_world.Admin, _world.Project.Id, _issue.Id, comment.Id, " ");

        Assert.That(await _world.Issues.Store.ReadAsync(r => r.ListAuditRecordsAsync(_issue.Id)), Is.Empty);
    }

    private async Task<IssueComment> AddAsync(Actor author, string body) =>
        (await _world.Service.AddCommentAsync(author, _world.Project.Id, _issue.Id, body)).Value;
}
