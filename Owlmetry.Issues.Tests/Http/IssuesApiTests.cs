using System.Net;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

public sealed class IssuesApiTests : HttpApiFixture
{
    [Test]
    public void ListProjectIssues_NoToken_Is401MissingAuthorization()
    {
        var client = ClientFor(null);

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(async () => await client.ListIssuesAsync(Team.Project.Id).ToListAsync());

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(refused.Error, Is.EqualTo("Missing authorization"));
    }

    [Test]
    public async Task UpdateIssue_ResolveWithVersion_Returns200AndResolved()
    {
        var issue = await Team.SeedIssueAsync();
        var client = ClientFor(Team.Token(TeamRole.Member));

        var updated = await client.UpdateIssueStatusAsync(Team.Project.Id, issue.Id, "resolved", "2.0.0");

        Assert.That(updated.Status, Is.EqualTo("resolved"));
        Assert.That(updated.ResolvedAtVersion, Is.EqualTo("2.0.0"));
    }
}
