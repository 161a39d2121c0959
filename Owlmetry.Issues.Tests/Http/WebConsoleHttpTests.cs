using System.Net;
using System.Text.RegularExpressions;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>
/// The web console's routes through the real server: its page and assets, the login that sets the session cookie, the
/// antiforgery check on every state-changing browser call, and the API reached with the cookie under the API's rules.
/// </summary>
public sealed partial class WebConsoleHttpTests : HttpApiFixture
{
    private string OwnerEmail => Team.Users[TeamRole.Owner].User.Email;

    [Test]
    public async Task Page_Root_IsTheShellWithAContentSecurityPolicyAndNoInlineScript()
    {
        using var client = Factory.CreateClient();

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.That(csp, Does.Contain("script-src 'self'").And.Contain("default-src 'none'").And.Contain("frame-ancestors 'none'"));
        Assert.That(csp, Does.Not.Contain("unsafe-inline").And.Not.Contain("unsafe-eval"));
        Assert.That(InlineScript().IsMatch(html), Is.False, "every script has a src");
        Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://"), "no asset from elsewhere");
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
    }

    [TestCase("app.js", "text/javascript")]
    [TestCase("markdown.js", "text/javascript")]
    [TestCase("console.css", "text/css")]
    public async Task Asset_Embedded_IsServedWithItsTypeAndTheCsp(string name, string mediaType)
    {
        using var client = Factory.CreateClient();

        var response = await client.GetAsync($"/console/assets/{name}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo(mediaType));
        Assert.That(response.Headers.Contains("Content-Security-Policy"), Is.True);
    }

    [Test]
    public async Task Asset_Unknown_Is404Problem()
    {
        using var client = Factory.CreateClient();

        var response = await client.GetAsync("/console/assets/missing.js");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Not found"));
    }

    [Test]
    public async Task Login_RightPassword_SetsAnHttpOnlyStrictSessionCookie()
    {
        using var browser = await ConsoleBrowserSession.OpenAsync(Factory);

        var response = await browser.LoginAsync(OwnerEmail);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var cookie = SessionCookie(response);
        Assert.That(cookie, Does.Contain("httponly").And.Contain("samesite=strict").And.Contain("path=/"));
        Assert.That(cookie, Does.Not.Contain("secure"), "plain HTTP: a Secure cookie would never come back");
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("eyJ"), "the token stays out of the script's reach");
    }

    [Test]
    public async Task Login_OverHttps_SetsASecureCookie()
    {
        using var browser = await ConsoleBrowserSession.OpenAsync(Factory, https: true);

        var response = await browser.LoginAsync(OwnerEmail);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(SessionCookie(response), Does.Contain("secure").And.Contain("httponly").And.Contain("samesite=strict"));
    }

    [Test]
    public async Task Login_WithoutAntiforgeryToken_Is400AndSetsNoCookie()
    {
        using var browser = await ConsoleBrowserSession.OpenAsync(Factory);

        var response = await browser.SendAsync(HttpMethod.Post, "/console/login", new { email = OwnerEmail, password = ConsoleBrowserSession.Password }, antiforgery: false);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Missing or invalid antiforgery token"));
        Assert.That(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("owlmetry_session=", StringComparison.Ordinal)), Is.False);
    }

    [TestCase(null)]
    [TestCase("not-a-token")]
    public async Task Logout_BrokenFormBody_Is400NotAServerError(string? token)
    {
        using var browser = await ConsoleBrowserSession.OpenAsync(Factory);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/console/logout")
        {
            Content = new ByteArrayContent([0x1f, 0x8b, 0x08, 0x00, 0x01]),
        };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Content.Headers.ContentEncoding.Add("gzip");
        if (token is not null)
        {
            request.Headers.Add(ConsoleBrowserSession.AntiforgeryHeader, token);
        }

        var response = await browser.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Missing or invalid antiforgery token"));
    }

    [Test]
    public async Task Login_WrongPassword_Is401WithTheApisMessage()
    {
        using var browser = await ConsoleBrowserSession.OpenAsync(Factory);

        var response = await browser.LoginAsync(OwnerEmail, "wrong password");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Invalid email or password"));
    }

    [Test]
    public async Task Login_SharesTheApiLoginsRateLimitPerEmail()
    {
        using var factory = new OwlmetryServerFactory(new Dictionary<string, string?>
        {
            ["Auth:LoginRateLimit:PermitLimit"] = "2", ["Auth:LoginRateLimit:Window"] = "01:00:00",
        });
        var owner = (await HttpTeam.CreateAsync(factory)).Users[TeamRole.Owner].User;
        await factory.PostJsonAsync("10.0.0.1", "/v1/auth/login", new { email = owner.Email, password = "wrong password" });
        await factory.PostJsonAsync("10.0.0.2", "/v1/auth/login", new { email = owner.Email, password = "wrong password" });
        using var browser = await ConsoleBrowserSession.OpenAsync(factory);

        var response = await browser.LoginAsync(owner.Email);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(await response.ErrorAsync(), Is.EqualTo("Rate limit exceeded"));
    }

    [Test]
    public async Task SessionCookie_ReadsTheApiAsTheSignedInUser()
    {
        using var browser = await ConsoleBrowserSession.OpenAsync(Factory);
        await browser.LoginAsync(OwnerEmail);

        var me = await browser.SendAsync(HttpMethod.Get, "/v1/auth/me");
        var session = await browser.RefreshTokenAsync();

        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await me.JsonAsync())["user"]!.Text("email"), Is.EqualTo(OwnerEmail));
        Assert.That(session["signed_in"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task SessionCookie_StateChangeWithoutAntiforgery_Is400AndChangesNothing()
    {
        var issue = await Team.SeedIssueAsync();
        using var browser = await ConsoleBrowserSession.OpenAsync(Factory);
        await browser.LoginAsync(OwnerEmail);
        var path = $"/v1/projects/{Team.Project.Id}/issues/{issue.Id}";

        var refused = await browser.SendAsync(HttpMethod.Patch, path, new { status = "silenced" }, antiforgery: false);
        var stored = await Factory.IssueStore.ReadAsync(r => r.FindIssueAsync(issue.Id));
        var allowed = await browser.SendAsync(HttpMethod.Patch, path, new { status = "silenced" });

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await refused.ErrorAsync(), Is.EqualTo("Missing or invalid antiforgery token"));
        Assert.That(stored!.Status, Is.EqualTo(Domain.IssueStatus.New));
        Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await allowed.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task SessionCookie_AnotherUsersAntiforgeryToken_Is400()
    {
        var issue = await Team.SeedIssueAsync();
        using var owner = await ConsoleBrowserSession.OpenAsync(Factory);
        await owner.LoginAsync(OwnerEmail);
        using var member = await ConsoleBrowserSession.OpenAsync(Factory);
        await member.LoginAsync(Team.Users[TeamRole.Member].User.Email);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/projects/{Team.Project.Id}/issues/{issue.Id}/comments")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { body = "forged" }),
        };
        request.Headers.Add(ConsoleBrowserSession.AntiforgeryHeader, member.AntiforgeryToken);

        var response = await owner.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Logout_ClearsTheCookie_AndTheApiAnswers401()
    {
        using var browser = await ConsoleBrowserSession.OpenAsync(Factory);
        await browser.LoginAsync(OwnerEmail);

        var logout = await browser.SendAsync(HttpMethod.Post, "/console/logout");
        var me = await browser.SendAsync(HttpMethod.Get, "/v1/auth/me");

        Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(SessionCookie(logout), Does.Contain("expires=thu, 01 jan 1970"));
        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task SessionCookie_AnotherTeamsIssues_AreNotFoundAndNotListed()
    {
        var issue = await Team.SeedIssueAsync();
        var other = await CreateOtherTeamAsync();
        using var browser = await ConsoleBrowserSession.OpenAsync(Factory);
        await browser.LoginAsync(other.Users[TeamRole.Owner].User.Email);

        var detail = await browser.SendAsync(HttpMethod.Get, $"/v1/projects/{Team.Project.Id}/issues/{issue.Id}");
        var overview = await browser.SendAsync(HttpMethod.Get, $"/v1/projects/{Team.Project.Id}/issues/{issue.Id}/overview");
        var search = await browser.SendAsync(HttpMethod.Get, $"/v1/projects/{Team.Project.Id}/issues/search?q=connection");
        var teamList = await browser.SendAsync(HttpMethod.Get, $"/v1/issues?team_id={Team.Team.Id}&data_mode=all");
        var change = await browser.SendAsync(HttpMethod.Patch, $"/v1/projects/{Team.Project.Id}/issues/{issue.Id}", new { status = "silenced" });

        Assert.That(detail.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(overview.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(search.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await teamList.JsonAsync())["issues"]!.AsArray(), Is.Empty);
        Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task BearerToken_WithoutAntiforgery_StillChangesStatus()
    {
        var issue = await Team.SeedIssueAsync();
        using var client = Team.ClientWith(Team.Token(TeamRole.Member));
        client.DefaultRequestHeaders.Add("Cookie", "owlmetry_session=whatever");

        var response = await client.PatchAsync(
            $"/v1/projects/{Team.Project.Id}/issues/{issue.Id}",
            System.Net.Http.Json.JsonContent.Create(new { status = "silenced" }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a header credential is no browser's ambient one");
    }

    [Test]
    public async Task ConsoleDisabled_ServesNoPageAndNoLogin()
    {
        using var factory = new OwlmetryServerFactory(new Dictionary<string, string?> { ["Console:Enabled"] = "false" });
        using var client = factory.CreateClient();

        var page = await client.GetAsync("/");
        var login = await client.PostAsync("/console/login", System.Net.Http.Json.JsonContent.Create(new { email = "a@b.c", password = "x" }));

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ConsoleDisabled_ASessionCookieIsNoCredential()
    {
        using var factory = new OwlmetryServerFactory(new Dictionary<string, string?> { ["Console:Enabled"] = "false" });
        var team = await HttpTeam.CreateAsync(factory);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $"owlmetry_session={team.Token(TeamRole.Owner)}");

        var me = await client.GetAsync("/v1/auth/me");

        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "without the console nothing checks antiforgery");
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("owlmetry_session=", StringComparison.Ordinal)).ToLowerInvariant();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
