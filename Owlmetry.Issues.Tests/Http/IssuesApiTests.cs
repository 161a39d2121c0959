using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

public sealed class IssuesApiTests : HttpApiFixture
{
    [Test]
    public async Task ListProjectIssues_AsMember_ReturnsSnakeCasePage()
    {
        var issue = await Team.SeedIssueAsync();
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.GetAsync($"/v1/projects/{Team.Project.Id}/issues");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(body["issues"]![0]!["id"]!.GetValue<string>(), Is.EqualTo(issue.Id.ToString()));
        Assert.That(body["issues"]![0]!["app_name"]!.GetValue<string>(), Is.EqualTo(Team.App.Name));
        Assert.That(body["has_more"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task ListProjectIssues_NoToken_Is401MissingAuthorization()
    {
        using var client = Team.ClientWith(null);

        var response = await client.GetAsync($"/v1/projects/{Team.Project.Id}/issues");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await ErrorOf(response), Is.EqualTo("Missing authorization"));
    }

    [Test]
    public async Task UpdateIssue_ResolveWithVersion_Returns200AndResolved()
    {
        var issue = await Team.SeedIssueAsync();
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.PatchAsJsonAsync(
            $"/v1/projects/{Team.Project.Id}/issues/{issue.Id}", new { status = "resolved", resolved_at_version = "2.0.0" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("resolved"));
        Assert.That(body["resolved_at_version"]!.GetValue<string>(), Is.EqualTo("2.0.0"));
    }

    [Test]
    public async Task UpdateIssue_MalformedJson_Is400WithError()
    {
        var issue = await Team.SeedIssueAsync();
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.PatchAsync(
            $"/v1/projects/{Team.Project.Id}/issues/{issue.Id}", new StringContent("{\"status\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await ErrorOf(response), Does.StartWith("Invalid JSON"));
    }

    [Test]
    public async Task GetIssue_MalformedIssueId_Is404()
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));

        var response = await client.GetAsync($"/v1/projects/{Team.Project.Id}/issues/not-a-uuid");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await ErrorOf(response), Is.Not.Empty);
    }

    private static async Task<string?> ErrorOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())?["error"]?.GetValue<string>();
}
