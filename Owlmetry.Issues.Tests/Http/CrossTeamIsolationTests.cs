using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>Nothing of team A is readable or writable from team B, by any id or any route.</summary>
public sealed class CrossTeamIsolationTests
{
    private OwlmetryServerFactory _factory = null!;
    private HttpTeam _a = null!;
    private HttpTeam _b = null!;
    private Issue _issueA = null!;
    private Issue _issueB = null!;
    private string _commentA = null!;

    [SetUp]
    public async Task SetUp()
    {
        _factory = new OwlmetryServerFactory();
        _a = await HttpTeam.CreateAsync(_factory, "Team A");
        _b = await HttpTeam.CreateAsync(_factory, "Team B");
        _issueA = await _a.SeedIssueAsync("A's issue");
        _issueB = await _b.SeedIssueAsync("B's issue");
        _commentA = (await _a.ApiClientWith(_a.Token(TeamRole.Owner)).AddCommentAsync(_a.Project.Id, _issueA.Id, "secret")).Id.ToString();
    }

    [TearDown]
    public void TearDown() => _factory.Dispose();

    public static IEnumerable<string> Callers() => ["owner", "agent"];

    [TestCaseSource(nameof(Callers))]
    public async Task EveryRoute_TeamBCallerWithTeamAIds_IsNotFoundAndChangesNothing(string caller)
    {
        using var client = _b.ClientWith(caller == "owner"
            ? _b.Token(TeamRole.Owner)
            : await _b.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read, IssuePermissions.Write));
        var aProject = $"/v1/projects/{_a.Project.Id}/issues";
        var bProject = $"/v1/projects/{_b.Project.Id}/issues";
        var attempts = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, aProject, null),
            (HttpMethod.Get, $"{aProject}/{_issueA.Id}", null),
            (HttpMethod.Patch, $"{aProject}/{_issueA.Id}", new { status = "silenced" }),
            (HttpMethod.Post, $"{aProject}/{_issueA.Id}/merge", new { source_issue_id = _issueB.Id }),
            (HttpMethod.Get, $"{aProject}/{_issueA.Id}/comments", null),
            (HttpMethod.Post, $"{aProject}/{_issueA.Id}/comments", new { body = "hi" }),
            (HttpMethod.Delete, $"{aProject}/{_issueA.Id}/comments/{_commentA}", null),
            (HttpMethod.Get, $"{bProject}/{_issueA.Id}", null),
            (HttpMethod.Patch, $"{bProject}/{_issueA.Id}", new { status = "silenced" }),
            (HttpMethod.Post, $"{bProject}/{_issueB.Id}/merge", new { source_issue_id = _issueA.Id }),
            (HttpMethod.Get, $"{bProject}/{_issueA.Id}/comments", null),
            (HttpMethod.Patch, $"{bProject}/{_issueB.Id}/comments/{_commentA}", new { body = "mine now" }),
            (HttpMethod.Delete, $"{bProject}/{_issueB.Id}/comments/{_commentA}", null),
        };

        foreach (var (method, path, body) in attempts)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await client.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"{method} {path}");
        }

        var (issue, comment) = await _factory.IssueStore.ReadAsync(async r => (await r.FindIssueAsync(_issueA.Id), await r.FindCommentAsync(Guid.Parse(_commentA))));
        Assert.That(issue?.Status, Is.EqualTo(IssueStatus.New));
        Assert.That(comment, Has.Property(nameof(IssueComment.Body)).EqualTo("secret").And.Property(nameof(IssueComment.DeletedAt)).Null);
    }

    [Test]
    public async Task ListTeamIssues_TeamBCaller_NeverSeesTeamAIssues()
    {
        using var client = _b.ClientWith(_b.Token(TeamRole.Owner));

        var all = JsonNode.Parse(await client.GetStringAsync("/v1/issues"))!;
        var filtered = JsonNode.Parse(await client.GetStringAsync($"/v1/issues?team_id={_a.Team.Id}"))!;
        var byProject = JsonNode.Parse(await client.GetStringAsync($"/v1/issues?project_id={_a.Project.Id}"))!;

        Assert.That(all["issues"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Is.EqualTo(new[] { _issueB.Id.ToString() }));
        Assert.That(filtered["issues"]!.AsArray(), Is.Empty);
        Assert.That(byProject["issues"]!.AsArray(), Is.Empty);
    }
}
