using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>Every Issues endpoint against every kind of caller, with the status each must get.</summary>
public sealed class IssuesPermissionMatrixTests
{
    private OwlmetryServerFactory _factory = null!;
    private HttpTeam _team = null!;
    private HttpTeam _otherTeam = null!;
    private Dictionary<Caller, string?> _bearers = null!;

    public enum Endpoint { ListProject, Detail, ChangeStatus, Merge, ListComments, AddComment, EditComment, DeleteComment, ListTeam }

    public enum Caller { Owner, Admin, Member, Outsider, AgentReadWrite, AgentRead, AgentWrite, AgentNone, ClientKey, NoToken, BadToken, BadKey }

    // Expected status per caller for each endpoint. The comment edited or deleted is always the owner's.
    private static readonly Dictionary<Endpoint, int[]> s_expected = new()
    {
        //                               Owner Admin Member Outsider AgRW AgR AgW AgNone Client NoTok BadTok BadKey
        [Endpoint.ListProject] = [200, 200, 200, 404, 200, 200, 403, 403, 403, 401, 401, 401],
        [Endpoint.Detail] = [200, 200, 200, 404, 200, 200, 403, 403, 403, 401, 401, 401],
        [Endpoint.ChangeStatus] = [200, 200, 200, 404, 200, 403, 200, 403, 403, 401, 401, 401],
        [Endpoint.Merge] = [200, 200, 200, 404, 200, 403, 200, 403, 403, 401, 401, 401],
        [Endpoint.ListComments] = [200, 200, 200, 404, 200, 200, 403, 403, 403, 401, 401, 401],
        [Endpoint.AddComment] = [201, 201, 201, 404, 201, 403, 201, 403, 403, 401, 401, 401],
        [Endpoint.EditComment] = [200, 403, 403, 404, 403, 403, 403, 403, 403, 401, 401, 401],
        [Endpoint.DeleteComment] = [200, 200, 403, 404, 403, 403, 403, 403, 403, 401, 401, 401],
        [Endpoint.ListTeam] = [200, 200, 200, 200, 200, 200, 403, 403, 403, 401, 401, 401],
    };

    [OneTimeSetUp]
    public async Task OneTimeSetUp()
    {
        _factory = new OwlmetryServerFactory();
        _team = await HttpTeam.CreateAsync(_factory, "Team A");
        _otherTeam = await HttpTeam.CreateAsync(_factory, "Team B");
        _bearers = new Dictionary<Caller, string?>
        {
            [Caller.Owner] = _team.Token(TeamRole.Owner),
            [Caller.Admin] = _team.Token(TeamRole.Admin),
            [Caller.Member] = _team.Token(TeamRole.Member),
            [Caller.Outsider] = _otherTeam.Token(TeamRole.Owner),
            [Caller.AgentReadWrite] = await _team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read, IssuePermissions.Write),
            [Caller.AgentRead] = await _team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Read),
            [Caller.AgentWrite] = await _team.CreateKeyAsync(ApiKeyType.Agent, IssuePermissions.Write),
            [Caller.AgentNone] = await _team.CreateKeyAsync(ApiKeyType.Agent, "projects:read"),
            [Caller.ClientKey] = await _team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite),
            [Caller.NoToken] = null,
            [Caller.BadToken] = "eyJhbGciOiJIUzI1NiJ9.e30.not-a-signature",
            [Caller.BadKey] = "owl_agent_" + new string('0', 48),
        };
    }

    [OneTimeTearDown]
    public void OneTimeTearDown() => _factory.Dispose();

    public static IEnumerable<TestCaseData> Cases() =>
        from endpoint in Enum.GetValues<Endpoint>()
        from caller in Enum.GetValues<Caller>()
        let expected = s_expected[endpoint][(int)caller]
        select new TestCaseData(endpoint, caller, expected).SetName($"{endpoint}_{caller}_Is{expected}");

    [TestCaseSource(nameof(Cases))]
    public async Task Endpoint_Caller_GetsExpectedStatus(Endpoint endpoint, Caller caller, int expected)
    {
        var request = await BuildRequestAsync(endpoint);
        using var client = _team.ClientWith(_bearers[caller]);

        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(expected), $"{request.Method} {request.RequestUri} as {caller}: {body}");
        if (expected >= 400)
        {
            Assert.That(JsonNode.Parse(body)?["error"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty, "every error carries an error message");
        }
    }

    private async Task<HttpRequestMessage> BuildRequestAsync(Endpoint endpoint)
    {
        var issue = await _team.SeedIssueAsync($"issue for {endpoint}");
        var issuePath = $"/v1/projects/{_team.Project.Id}/issues/{issue.Id}";
        switch (endpoint)
        {
            case Endpoint.ListProject:
                return new HttpRequestMessage(HttpMethod.Get, $"/v1/projects/{_team.Project.Id}/issues");
            case Endpoint.Detail:
                return new HttpRequestMessage(HttpMethod.Get, issuePath);
            case Endpoint.ChangeStatus:
                return new HttpRequestMessage(HttpMethod.Patch, issuePath) { Content = JsonContent.Create(new { status = "in_progress" }) };
            case Endpoint.Merge:
                var source = await _team.SeedIssueAsync("merge source");
                return new HttpRequestMessage(HttpMethod.Post, $"{issuePath}/merge") { Content = JsonContent.Create(new { source_issue_id = source.Id }) };
            case Endpoint.ListComments:
                return new HttpRequestMessage(HttpMethod.Get, $"{issuePath}/comments");
            case Endpoint.AddComment:
                return new HttpRequestMessage(HttpMethod.Post, $"{issuePath}/comments") { Content = JsonContent.Create(new { body = "looking" }) };
            case Endpoint.EditComment or Endpoint.DeleteComment:
                var commentId = await AddOwnerCommentAsync(issue.Id);
                return endpoint == Endpoint.EditComment
                    ? new HttpRequestMessage(HttpMethod.Patch, $"{issuePath}/comments/{commentId}") { Content = JsonContent.Create(new { body = "edited" }) }
                    : new HttpRequestMessage(HttpMethod.Delete, $"{issuePath}/comments/{commentId}");
            case Endpoint.ListTeam:
                return new HttpRequestMessage(HttpMethod.Get, "/v1/issues");
            default:
                throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null);
        }
    }

    private async Task<Guid> AddOwnerCommentAsync(Guid issueId) =>
        (await _team.ApiClientWith(_team.Token(TeamRole.Owner)).AddCommentAsync(_team.Project.Id, issueId, "owner's note")).Id;
}
