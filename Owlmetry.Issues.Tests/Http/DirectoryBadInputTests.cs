using System.Net;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>Bodies of the wrong shape get a 400 with an <c>error</c>, never a 500.</summary>
public sealed class DirectoryBadInputTests : HttpApiFixture
{
    [TestCase("POST", "/v1/auth/login", "{\"email\":1,\"password\":2}")]
    [TestCase("POST", "/v1/auth/login", "[]")]
    [TestCase("POST", "/v1/teams", "{\"name\":{},\"slug\":\"x\"}")]
    [TestCase("POST", "/v1/teams/{team}/members", "{\"email\":[\"a@b.c\"]}")]
    [TestCase("POST", "/v1/projects", "{\"team_id\":42,\"name\":\"x\",\"slug\":\"x\"}")]
    [TestCase("PATCH", "/v1/projects/{project}", "{\"name\":true}")]
    [TestCase("POST", "/v1/apps", "{\"project_id\":\"{project}\",\"name\":\"x\",\"platform\":[]}")]
    [TestCase("POST", "/v1/auth/keys", "{\"name\":\"k\",\"key_type\":\"agent\",\"team_id\":\"{team}\",\"permissions\":\"issues:read\"}")]
    [TestCase("POST", "/v1/auth/keys", "{\"name\":\"k\",\"key_type\":\"agent\",\"team_id\":\"{team}\",\"expires_in_days\":1.5}")]
    [TestCase("POST", "/v1/auth/keys", "{\"name\":\"k\",\"key_type\":\"agent\",\"team_id\":\"{team}\",\"expires_in_days\":99999999999}")]
    [TestCase("POST", "/v1/auth/keys", "{\"name\":\"k\",\"key_type\":\"agent\",\"team_id\":\"{team}\",\"permissions\":[null]}")]
    [TestCase("POST", "/v1/teams", "{\"name\":\"x\",")]
    public async Task Request_BodyOfTheWrongShape_Is400WithError(string method, string path, string json)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await SendAsync(client, method, path, json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That(await response.ErrorAsync(), Is.Not.Empty);
    }

    [TestCase("/v1/teams")]
    [TestCase("/v1/projects")]
    [TestCase("/v1/apps")]
    [TestCase("/v1/auth/keys")]
    public async Task Create_WithoutBody_Is400(string path)
    {
        using var client = Team.ClientWith(Team.Token(TeamRole.Owner));

        var response = await client.PostAsync(path, null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task OpenApiDocument_ListsTheDirectoryEndpoints()
    {
        using var client = Team.ClientWith(null);

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var paths = (await response.JsonAsync())["paths"]!.AsObject().Select(p => p.Key);
        Assert.That(paths, Is.SupersetOf(new[]
        {
            "/v1/auth/login", "/v1/auth/me", "/v1/auth/keys", "/v1/auth/keys/{keyId}", "/v1/teams", "/v1/teams/{teamId}",
            "/v1/teams/{teamId}/members", "/v1/projects", "/v1/projects/{projectId}", "/v1/apps",
        }));
    }
}
