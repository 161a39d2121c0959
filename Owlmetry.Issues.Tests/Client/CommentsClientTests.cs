using System.Net;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Client;

public sealed class CommentsClientTests : HttpApiFixture
{
    [Test]
    public async Task Comments_AddEditListAndDelete_AsAuthor()
    {
        var issue = await Team.SeedIssueAsync();
        var agent = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read, IssuePermissions.Write));

        var added = await agent.AddCommentAsync(Team.Project.Id, issue.Id, "Looks like  a **timeout**");
        var edited = await agent.EditCommentAsync(Team.Project.Id, issue.Id, added.Id, "It was DNS");
        var listed = await agent.ListCommentsAsync(Team.Project.Id, issue.Id);
        await agent.DeleteCommentAsync(Team.Project.Id, issue.Id, added.Id);
        var afterDelete = await agent.ListCommentsAsync(Team.Project.Id, issue.Id);

        Assert.That(added.Body, Is.EqualTo("Looks like  a **timeout**"), "kept verbatim");
        Assert.That(added.AuthorType, Is.EqualTo("agent"));
        Assert.That(edited.Body, Is.EqualTo("It was DNS"));
        Assert.That(listed.Select(c => c.Body), Is.EqualTo(new[] { "It was DNS" }));
        Assert.That(afterDelete, Is.Empty);
    }

    [Test]
    public async Task EditCommentAsync_SomeoneElsesComment_ThrowsWith403()
    {
        var issue = await Team.SeedIssueAsync();
        var author = ClientFor(Team.Token(TeamRole.Member));
        var other = ClientFor(Team.Token(TeamRole.Admin));
        var comment = await author.AddCommentAsync(Team.Project.Id, issue.Id, "mine");

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => other.EditCommentAsync(Team.Project.Id, issue.Id, comment.Id, "theirs"));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(refused.Error, Is.EqualTo("Only the original author can edit this comment"));
    }

    [Test]
    public async Task AddCommentAsync_EmptyBody_ThrowsWith400()
    {
        var issue = await Team.SeedIssueAsync();
        var member = ClientFor(Team.Token(TeamRole.Member));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => member.AddCommentAsync(Team.Project.Id, issue.Id, "   "));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Error, Does.Contain("body"));
    }

    [Test]
    public void DeleteCommentAsync_UnknownComment_ThrowsWith404()
    {
        var member = ClientFor(Team.Token(TeamRole.Member));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => member.DeleteCommentAsync(Team.Project.Id, Guid.NewGuid(), Guid.NewGuid()));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
