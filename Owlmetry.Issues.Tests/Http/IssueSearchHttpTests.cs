using System.Net;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>The search route's query string as typed in a URL: <c>q</c> missing altogether, which the client cannot send, or only spaces.</summary>
public sealed class IssueSearchHttpTests : HttpApiFixture
{
    [TestCase("")]
    [TestCase("?q=%20%20")]
    public async Task Search_NoWords_Is400(string queryString)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.GetAsync($"/v1/projects/{Team.Project.Id}/issues/search{queryString}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Does.StartWith("q is required"));
    }
}
