using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Querying;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>Bad input gets a 4xx with an <c>error</c> message, never a 500 and never a change.</summary>
public sealed class MalformedInputTests
{
    private OwlmetryServerFactory _factory = null!;
    private HttpTeam _team = null!;
    private Issue _issue = null!;
    private string _comment = null!;

    [OneTimeSetUp]
    public async Task OneTimeSetUp()
    {
        _factory = new OwlmetryServerFactory();
        _team = await HttpTeam.CreateAsync(_factory);
        _issue = await _team.SeedIssueAsync();
        _comment = (await _team.ApiClientWith(_team.Token(TeamRole.Owner)).AddCommentAsync(_team.Project.Id, _issue.Id, "note")).Id.ToString();
    }

    [OneTimeTearDown]
    public void OneTimeTearDown() => _factory.Dispose();

    private string ProjectPath => $"/v1/projects/{_team.Project.Id}";

    private string IssuePath => $"{ProjectPath}/issues/{_issue.Id}";

    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("GET", "{project}/issues?status=open", null, 400, "Invalid status; valid values: new, in_progress, resolved, silenced, regressed, snoozed");
        yield return Case("GET", "{project}/issues?sort=newest", null, 400, "Invalid sort; valid values: last_seen, last_activity, first_seen, occurrences, users");
        yield return Case("GET", "{project}/issues?data_mode=prod", null, 400, "Invalid data_mode; valid values: production, development, all");
        yield return Case("GET", "{project}/issues?is_dev=yes", null, 400, "Invalid is_dev; valid values: true, false");
        yield return Case("GET", "{project}/issues?app_id=123", null, 400, "app_id must be a UUID");
        yield return Case("GET", "{project}/issues?cursor=%%%", null, 400, "Invalid cursor");
        yield return Case("GET", "{project}/issues?cursor=" + new string('a', 5000), null, 400, "Invalid cursor");
        yield return Case("GET", "/v1/issues?team_id=nope", null, 400, "team_id must be a UUID");
        yield return Case("GET", "/v1/issues?status=open", null, 400, "Invalid status; valid values: new, in_progress, resolved, silenced, regressed, snoozed");
        yield return Case("GET", "/v1/issues?sort=newest", null, 400, "Invalid sort; valid values: last_seen, last_activity, first_seen, occurrences, users");
        yield return Case("GET", "/v1/issues?data_mode=prod", null, 400, "Invalid data_mode; valid values: production, development, all");
        yield return Case("GET", "/v1/issues?is_dev=yes", null, 400, "Invalid is_dev; valid values: true, false");
        yield return Case("GET", "/v1/issues?app_id=123", null, 400, "app_id must be a UUID");
        yield return Case("GET", "/v1/issues?cursor=%%%", null, 400, "Invalid cursor");
        yield return Case("GET", "/v1/issues?project_id=nope", null, 400, "project_id must be a UUID");
        yield return Case("GET", "{issue}?occurrence_cursor=zzz", null, 400, "Invalid occurrence_cursor");
        yield return Case("GET", "/v1/projects/not-a-uuid/issues", null, 404, null);
        yield return Case("GET", "{project}/issues/12345", null, 404, null);
        yield return Case("PATCH", "{issue}", "{\"status\":", 400, null);
        yield return Case("PATCH", "{issue}", "[1,2,3]", 400, null);
        yield return Case("PATCH", "{issue}", "{\"status\":123}", 400, null);
        yield return Case("PATCH", "{issue}", "{}", 400, "status is required");
        yield return Case("PATCH", "{issue}", "", 400, null);
        yield return Case("PATCH", "{issue}", "{\"status\":\"closed\"}", 400, "Invalid status. Must be one of: new, in_progress, resolved, silenced, regressed, snoozed");
        yield return Case("PATCH", "{issue}", "{\"status\":\"resolved\"}", 400, "resolved_at_version is required when resolving an issue. Use status='silenced' if you don't want auto-regression.");
        yield return Case("PATCH", "{issue}", "{\"status\":\"resolved\",\"resolved_at_version\":\"" + new string('1', 51) + "\"}", 400, "resolved_at_version must be at most 50 characters");
        yield return Case("PATCH", "{issue}", "{\"status\":\"new\"}", 400, "Cannot transition from 'new' to 'new'");
        yield return Case("PATCH", "{issue}", "{\"status\":\"regressed\"}", 400, "Cannot transition from 'new' to 'regressed'");
        yield return Case("POST", "{issue}/merge", "{}", 400, "source_issue_id is required");
        yield return Case("POST", "{issue}/merge", "{\"source_issue_id\":\"abc\"}", 400, "source_issue_id must be a UUID");
        yield return Case("POST", "{issue}/merge", "{\"source_issue_id\":42}", 400, null);
        yield return Case("POST", "{issue}/merge", "{\"source_issue_id\":\"{issueId}\"}", 400, "Cannot merge an issue into itself");
        yield return Case("POST", "{issue}/merge", "{\"source_issue_id\":\"" + Guid.Empty + "\"}", 404, "Source issue not found in this project");
        yield return Case("POST", "{issue}/comments", "{}", 400, "body is required");
        yield return Case("POST", "{issue}/comments", "{\"body\":\"   \"}", 400, "body is required");
        yield return Case("POST", "{issue}/comments", "{\"body\":\"" + new string('x', 10_001) + "\"}", 400, "body must be at most 10000 characters");
        yield return Case("POST", "{issue}/comments", "{\"body\":{\"nested\":true}}", 400, null);
        yield return Case("PATCH", "{issue}/comments/{comment}", "{\"body\":\"\"}", 400, "body is required");
        yield return Case("PATCH", "{issue}/comments/not-a-uuid", "{\"body\":\"x\"}", 404, null);
        yield return Case("DELETE", "{issue}/comments/" + Guid.Empty, null, 404, "Comment not found");
        yield return Case("GET", "/v1/nothing-here", null, 404, null);
        yield return Case("DELETE", "/v1/projects", null, 405, "Method Not Allowed");
        yield return Case("PUT", "{issue}", "{\"status\":\"resolved\"}", 405, "Method Not Allowed");
        yield return Case("GET", "/openapi/v2.json", null, 404, "Not Found");
        yield return Case("GET", "/v1/teams/%C0%AF/webhooks", null, 404, "Not Found");
        yield return Case("GET", "{project}/issues?cursor=" + BeyondAnyTime("last_seen", long.MaxValue), null, 400, "Invalid cursor");
        yield return Case("GET", "/v1/issues?sort=first_seen&cursor=" + BeyondAnyTime("first_seen", long.MinValue), null, 400, "Invalid cursor");
        yield return Case("GET", "{issue}?occurrence_cursor=" + BeyondAnyTime("occurrences", long.MaxValue), null, 400, "Invalid occurrence_cursor");
        yield return Case("GET", "/v1/events?cursor=" + BeyondAnyTime("events", long.MaxValue), null, 400, "Invalid cursor");
        yield return Case("GET", "/v1/attachments?project_id={projectId}&cursor=" + BeyondAnyTime("attachments", long.MaxValue), null, 400, "Invalid cursor");
        yield return Case("GET", "/v1/teams/{teamId}/jobs?cursor=" + BeyondAnyTime("job_runs", long.MinValue), null, 400, "Invalid cursor");
        yield return Case("GET", "/v1/events?user_id=%00", null, 400, "user_id must not contain the NUL character (U+0000)");
        yield return Case("GET", "/v1/events?screen_name=home%00", null, 400, "screen_name must not contain the NUL character (U+0000)");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Request_MalformedInput_IsClientErrorWithMessage(string method, string path, string? body, int status, string? message)
    {
        using var client = _team.ClientWith(_team.Token(TeamRole.Owner));
        using var request = new HttpRequestMessage(new HttpMethod(method), Expand(path));
        if (body is not null)
        {
            request.Content = Json(Expand(body));
        }

        using var response = await client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(status), text);
        var error = JsonNode.Parse(text)?["error"]?.GetValue<string>();
        Assert.That(error, message is null ? Is.Not.Null.And.Not.Empty : Is.EqualTo(message), text);
    }

    [Test]
    public async Task PatchIssue_WrongContentType_Is415WithMessage()
    {
        using var client = _team.ClientWith(_team.Token(TeamRole.Owner));

        using var response = await client.PatchAsync(IssuePath, new StringContent("status=new", Encoding.UTF8, "text/plain"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())?["error"], Is.Not.Null);
    }

    [Test]
    public async Task Request_MethodTheRouteDoesNotTake_Is405ListingTheMethodsItTakes()
    {
        using var client = _team.ClientWith(_team.Token(TeamRole.Owner));

        using var response = await client.DeleteAsync(ProjectPath);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "PATCH" }));
    }

    [TestCase("GET", "/v1/nothing-here", 404)]
    [TestCase("DELETE", "/v1/projects", 405)]
    public async Task Request_AcceptingOnlyXml_StillGetsAProblemWithError(string method, string path, int status)
    {
        using var client = _team.ClientWith(_team.Token(TeamRole.Owner));
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Accept.ParseAdd("application/xml");

        using var response = await client.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await response.ErrorAsync(), Is.Not.Null.And.Not.Empty);
    }

    private static TestCaseData Case(string method, string path, string? body, int status, string? message) =>
        new TestCaseData(method, path, body, status, message).SetName($"{method} {path[..Math.Min(path.Length, 60)]} {(body is null ? string.Empty : body[..Math.Min(body.Length, 40)])} -> {status}");

    /// <summary>A well-formed cursor of <paramref name="scope"/> whose value no time has (the stores read it as one).</summary>
    private static string BeyondAnyTime(string scope, long value) => KeysetCursor.Encode(scope, new KeysetKey(value, Guid.NewGuid()));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private string Expand(string template) => template
        .Replace("{project}", ProjectPath, StringComparison.Ordinal)
        .Replace("{issue}", IssuePath, StringComparison.Ordinal)
        .Replace("{issueId}", _issue.Id.ToString(), StringComparison.Ordinal)
        .Replace("{projectId}", _team.Project.Id.ToString(), StringComparison.Ordinal)
        .Replace("{teamId}", _team.Team.Id.ToString(), StringComparison.Ordinal)
        .Replace("{comment}", _comment, StringComparison.Ordinal);
}
