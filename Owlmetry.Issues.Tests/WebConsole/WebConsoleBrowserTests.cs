using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OpenQA.Selenium;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.WebConsole;

/// <summary>
/// The web console in a real headless browser (Debian's chromium) against the real server on Kestrel: sign in, the
/// stream with its filters, sorts and paging, an issue resolved and then regressed by a newer event, a comment whose
/// Markdown holds a script and a javascript: link, a merge found by title, the keyboard, and a user of another team who
/// sees none of it. Every test fails when the page logs an error. One server and one browser for the fixture.
/// </summary>
[Category("Browser")]
[NonParallelizable]
public sealed class WebConsoleBrowserTests
{
    private OwlmetryServerFactory _factory = null!;
    private ConsoleBrowser _browser = null!;
    private HttpTeam _team = null!;
    private HttpClient _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _factory = new OwlmetryServerFactory(new Dictionary<string, string?> { ["Auth:LoginRateLimit:Enabled"] = "false" });
        var address = ConsoleBrowser.StartServer(_factory);
        _api = new HttpClient { BaseAddress = new Uri(address) };
        _team = await HttpTeam.CreateAsync(_factory);
        _browser = ConsoleBrowser.Start(address);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _browser?.Dispose();
        _api?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    [SetUp]
    public void SignIn() => SignInAs(_team.Users[TeamRole.Owner].User.Email);

    [TearDown]
    public void NoPageErrors()
    {
        var errors = _browser.TakeErrors().Where(e => !e.Contains("the server responded with a status of 4", StringComparison.Ordinal)).ToList();
        Assert.That(errors, Is.Empty, "the page logged errors");
    }

    [Test]
    public void Login_WrongPassword_ShowsTheRefusalAndStaysOnTheForm()
    {
        _browser.Driver.FindElement(By.Id("logout")).Click();
        _browser.Find("#login-email").SendKeys(_team.Users[TeamRole.Owner].User.Email);
        _browser.Find("#login-password").SendKeys("wrong password");
        _browser.Find("#login-submit").Click();

        _browser.WaitUntil(() => _browser.Find("#login-error").Text.Length > 0, "the login error");
        Assert.That(_browser.Find("#login-error").Text, Is.EqualTo("Invalid email or password"));
        Assert.That(_browser.Driver.Manage().Cookies.GetCookieNamed("owlmetry_session"), Is.Null);
    }

    [Test]
    public async Task Stream_FiltersByStatusAndSortsByOccurrences()
    {
        var busy = await SeedAsync("Busy stream issue", o => o.Occurrences = 5);
        var quiet = await SeedAsync("Quiet stream issue", o => o.Occurrences = 1);
        var silenced = await SeedAsync("Silenced stream issue", o => o.Status = Domain.IssueStatus.Silenced);

        _browser.Open("#/stream?sort=occurrences");
        _browser.Find($"tr[data-id='{busy.Id}']");
        var order = RowIds();
        Assert.That(order.IndexOf(busy.Id.ToString()), Is.LessThan(order.IndexOf(quiet.Id.ToString())));

        _browser.Find("nav.tabs a[data-status='silenced']").Click();
        _browser.WaitUntil(() => RowIds().SequenceEqual([silenced.Id.ToString()]), "only the silenced issue");
        Assert.That(_browser.Find($"tr[data-id='{silenced.Id}'] .badge").Text, Is.EqualTo("Silenced"));
        Assert.That(_browser.Find($"tr[data-id='{silenced.Id}'] time").GetAttribute("title"), Does.EndWith("UTC"), "exact time on hover");
    }

    [Test]
    public async Task Stream_StatusTabs_ShowCountsThatFollowAStatusChange()
    {
        var counting = await HttpTeam.CreateAsync(_factory, "Counting");
        await counting.SeedIssueAsync("First open issue");
        await counting.SeedIssueAsync("Second open issue");
        await counting.SeedIssueAsync("Already silenced", o => o.Status = Domain.IssueStatus.Silenced);
        await counting.SeedIssueAsync("A development issue", o => o.IsDev = true);
        SignInAs(counting.Users[TeamRole.Owner].User.Email);

        _browser.Open("#/stream?status=new");
        _browser.WaitUntil(() => TabCount("new") == "2", "the New tab's count");
        Assert.That((TabCount("all"), TabCount("silenced"), TabCount("snoozed")), Is.EqualTo(("3", "1", "0")), "production issues only, as the list");

        _browser.Keys("j");
        _browser.Keys("s");

        _browser.WaitUntil(() => TabCount("new") == "1" && TabCount("snoozed") == "1", "the counts after a snooze");
        _browser.Find("#filter-mode option[value='all']").Click();
        _browser.WaitUntil(() => TabCount("all") == "4" && TabCount("new") == "2", "the counts of production and development");
    }

    [Test]
    public async Task Stream_EachRow_GetsAFourteenDayChartAfterTheRows()
    {
        var charts = await HttpTeam.CreateAsync(_factory, "Charts");
        var busy = await charts.SeedIssueAsync("Busy charted issue", o => o.Occurrences = 4);
        var quiet = await charts.SeedIssueAsync("Quiet charted issue", o => o.Occurrences = 1);
        SignInAs(charts.Users[TeamRole.Owner].User.Email);

        _browser.Open("#/stream");
        _browser.WaitUntil(() => _browser.All("#stream td.trend svg").Count == 2, "a chart in each row");

        foreach (var (issue, occurrences) in new[] { (busy, 4), (quiet, 1) })
        {
            var chart = _browser.Find($"tr[data-id='{issue.Id}'] td.trend svg");
            Assert.That(chart.FindElements(By.TagName("rect")), Has.Count.EqualTo(14), "one bar per day");
            Assert.That(chart.GetAttribute("aria-label"), Is.EqualTo($"{occurrences} in the last 14 days"));
        }
    }

    [Test]
    public async Task Stream_MoreThanAPage_LoadsTheNextWithTheCursor()
    {
        var paging = await HttpTeam.CreateAsync(_factory, "Paging");
        for (var i = 0; i < 53; i++)
        {
            await paging.SeedIssueAsync($"Paged issue {i}");
        }

        SignInAs(paging.Users[TeamRole.Owner].User.Email);
        _browser.Open("#/stream");
        _browser.WaitUntil(() => RowIds().Count == 50, "the first page of 50");
        _browser.Find("#load-more").Click();

        _browser.WaitUntil(() => RowIds().Count == 53, "all 53 issues");
        Assert.That(RowIds().Distinct().Count(), Is.EqualTo(53));
        Assert.That(_browser.Find("#stream").Displayed && !_browser.Driver.FindElement(By.Id("load-more")).Displayed, Is.True);
    }

    [Test]
    public async Task Issue_ResolvedWithAVersion_RegressesWhenANewerVersionFails()
    {
        var issueId = await IngestAndScanAsync("Payment provider timed out", "1.0.0");

        _browser.Open($"#/issue/{_team.Project.Id}/{issueId}");
        Assert.That(_browser.Find("#issue-title").Text, Is.EqualTo("Payment provider timed out"));
        Assert.That(ActionTargets(), Is.EqualTo(new[] { "in_progress", "resolved", "silenced", "snoozed" }));
        _browser.Find("button[data-target='resolved']").Click();
        var version = _browser.Find("#resolve-version");
        version.Clear();
        version.SendKeys("1.0.1");
        _browser.Find("#resolve-confirm").Click();
        _browser.WaitUntil(() => _browser.Find(".issue-head .badge").Text == "Resolved", "the resolved status");
        Assert.That(ActionTargets(), Is.EqualTo(new[] { "new", "silenced", "snoozed" }), "only what the lifecycle allows from resolved");

        await IngestAndScanAsync("Payment provider timed out", "1.1.0");
        _browser.Driver.Navigate().Refresh();

        _browser.WaitUntil(() => _browser.Find(".issue-head .badge").Text == "Regressed", "the regression");
        Assert.That(_browser.Find(".activity").Text, Does.Contain("to Resolved (fixed in 1.0.1)"));
    }

    [Test]
    public async Task Claim_AMemberClaimsThenReleases_ThePageAndTheServerFollow()
    {
        var issue = await SeedAsync("Claimed by a person");
        var member = _team.Users[TeamRole.Member].User;
        SignInAs(member.Email);
        _browser.Open($"#/issue/{_team.Project.Id}/{issue.Id}");

        _browser.Find("#claim-take").Click();

        _browser.WaitUntil(() => _browser.Find("#claim").Text.StartsWith($"{member.Name} until", StringComparison.Ordinal), "the member's claim on the page");
        var claim = await ClaimOfAsync(_team, issue.Id);
        Assert.That(claim?.Text("holder_id"), Is.EqualTo(member.Id.ToString()), "the server's claim");
        Assert.That(DateTimeOffset.Parse(claim!.Text("expires_at"), CultureInfo.InvariantCulture) - DateTimeOffset.UtcNow, Is.GreaterThan(TimeSpan.FromHours(23)), "a person's claim lasts a day");

        _browser.Find("#claim-release").Click();

        _browser.WaitUntil(() => _browser.All("#claim-take").Count == 1, "the Claim button again");
        Assert.That(_browser.Find("#claim").Text, Does.StartWith("nobody"));
        Assert.That(await ClaimOfAsync(_team, issue.Id), Is.Null, "the server still holds the claim");
    }

    [Test]
    public async Task Claim_AnOwnerReleasesAnAgentsClaim()
    {
        var issue = await SeedAsync("Claimed by an agent, released by the owner");
        await ClaimAsAgentAsync(_team, issue.Id);
        _browser.Open($"#/issue/{_team.Project.Id}/{issue.Id}");
        Assert.That(_browser.Find("#claim").Text, Does.StartWith("Agent key (agent) until"));

        _browser.Find("#claim-release").Click();

        _browser.WaitUntil(() => _browser.All("#claim-take").Count == 1, "the Claim button after the release");
        Assert.That(await ClaimOfAsync(_team, issue.Id), Is.Null, "the server still holds the agent's claim");
    }

    [Test]
    public async Task Claim_AnAgentTakesTheIssueFirst_TheMemberSeesTheRefusalAndNoRelease()
    {
        var issue = await SeedAsync("Taken by an agent meanwhile");
        SignInAs(_team.Users[TeamRole.Member].User.Email);
        _browser.Open($"#/issue/{_team.Project.Id}/{issue.Id}");
        var take = _browser.Find("#claim-take");
        await ClaimAsAgentAsync(_team, issue.Id);

        take.Click();

        _browser.WaitUntil(() => _browser.Find("#claim-error").Text.Length > 0, "the refusal");
        Assert.That(_browser.Find("#claim-error").Text, Does.StartWith("Issue is claimed by agent 'Agent key'"));
        Assert.That(_browser.Find("#claim").Text, Does.StartWith("Agent key (agent) until"), "the page shows the claim the server holds");
        Assert.That(_browser.All("#claim-take, #claim-release"), Is.Empty, "a member is offered to take or release another's claim");
    }

    [Test]
    public async Task Stream_ClaimFilter_ShowsOnlyTheUsersClaimedIssues()
    {
        var claims = await HttpTeam.CreateAsync(_factory, "Claims");
        var mine = await claims.SeedIssueAsync("Held by me");
        var agents = await claims.SeedIssueAsync("Held by an agent");
        var free = await claims.SeedIssueAsync("Held by nobody");
        await ClaimAsync(claims, claims.Token(TeamRole.Member), mine.Id);
        await ClaimAsAgentAsync(claims, agents.Id);
        SignInAs(claims.Users[TeamRole.Member].User.Email);
        _browser.Open("#/stream");
        _browser.WaitUntil(() => RowIds().Count == 3, "the three issues");

        _browser.Find("#filter-claim option[value='mine']").Click();

        _browser.WaitUntil(() => RowIds().SequenceEqual([mine.Id.ToString()]), "only the member's claimed issue");
        Assert.That(_browser.Driver.Url, Does.Contain("claim=mine"), "the filter is not in the address");
        Assert.That(_browser.Find($"tr[data-id='{mine.Id}'] .claimed").Text, Is.EqualTo($"claimed by {claims.Users[TeamRole.Member].User.Name}"));
        _browser.Find("#filter-claim option[value='none']").Click();
        _browser.WaitUntil(() => RowIds().SequenceEqual([free.Id.ToString()]), "only the unclaimed issue");
    }

    [Test]
    public async Task Comment_WithScriptAndJavascriptLink_ShowsAsInertText()
    {
        var issue = await SeedAsync("Comment target");
        _browser.Open($"#/issue/{_team.Project.Id}/{issue.Id}");

        _browser.Find("#new-comment").SendKeys("**Bold** <script>window.owned = 1</script> <img src=x onerror=\"window.owned = 2\"> [click me](javascript:window.owned=3) and [docs](https://example.com/docs)");
        _browser.Find("#add-comment").Click();

        var body = _browser.Find(".comment .comment-body");
        Assert.That(body.Text, Does.Contain("<script>window.owned = 1</script>"));
        Assert.That(body.Text, Does.Contain("<img src=x"));
        Assert.That(body.FindElements(By.TagName("script")), Is.Empty);
        Assert.That(body.FindElements(By.TagName("img")), Is.Empty);
        Assert.That(body.FindElement(By.TagName("strong")).Text, Is.EqualTo("Bold"));
        var links = body.FindElements(By.TagName("a")).Select(a => a.GetAttribute("href")).ToList();
        Assert.That(links, Is.EqualTo(new[] { "https://example.com/docs" }));
        Assert.That(_browser.Driver.FindElements(By.CssSelector("a[href^='javascript']")), Is.Empty);
        body.FindElement(By.CssSelector(".refused-link")).Click();
        Assert.That(_browser.Driver.ExecuteScript("return typeof window.owned"), Is.EqualTo("undefined"));
    }

    [Test]
    public async Task Comments_EditAndDelete_FollowTheAuthorRulesAndShowInTheActivity()
    {
        var issue = await SeedAsync("Comment rules target");
        var member = _team.Users[TeamRole.Member].User;
        _browser.Open($"#/issue/{_team.Project.Id}/{issue.Id}");
        AddComment("The owner's note");

        SignInAs(member.Email);
        _browser.Open($"#/issue/{_team.Project.Id}/{issue.Id}");
        var ownersComment = _browser.Find(".comment");
        Assert.That(ownersComment.FindElements(By.CssSelector(".comment-actions button")), Is.Empty, "a member may neither edit nor delete the owner's comment");
        _factory.Clock.Advance(TimeSpan.FromSeconds(1));
        AddComment("The member's draft");
        var membersComment = _browser.All(".comment")[1];
        Assert.That(membersComment.FindElements(By.CssSelector(".comment-actions button")).Select(b => b.Text).ToList(), Is.EqualTo(new[] { "Edit", "Delete" }));

        _factory.Clock.Advance(TimeSpan.FromSeconds(1));
        membersComment.FindElement(By.XPath(".//button[text()='Edit']")).Click();
        var area = _browser.Find("textarea[aria-label='Edit comment']");
        area.Clear();
        area.SendKeys("The member's final word");
        _browser.Find(".comment-edit button[type='submit']").Click();
        _browser.WaitUntil(() => _browser.Find(".activity").Text.Contains("edited a comment", StringComparison.Ordinal), "the edit in the activity");
        Assert.That(_browser.All(".comment")[1].Text, Does.Contain("The member's final word").And.Contain("(edited)"));

        SignInAs(_team.Users[TeamRole.Owner].User.Email);
        _browser.Open($"#/issue/{_team.Project.Id}/{issue.Id}");
        _browser.WaitUntil(() => _browser.All(".comment").Count == 2, "both comments on the page the owner opened");
        var asOwner = _browser.All(".comment")[1];
        Assert.That(asOwner.FindElements(By.CssSelector(".comment-actions button")).Select(b => b.Text).ToList(), Is.EqualTo(new[] { "Delete" }), "the owner deletes, but does not edit, a member's comment");
        asOwner.FindElement(By.XPath(".//button[text()='Delete']")).Click();
        _browser.Driver.SwitchTo().Alert().Accept();

        _browser.WaitUntil(() => _browser.Find(".activity").Text.Contains("deleted a comment", StringComparison.Ordinal), "the deletion in the activity");
        var activity = _browser.Find(".activity").Text;
        Assert.That(activity, Does.Contain($"{member.Name} edited a comment").And.Contain($"{_team.Users[TeamRole.Owner].User.Name} deleted a comment"));
        Assert.That(_browser.All(".comment"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Merge_AnotherIssueFoundByTitle_MovesItsOccurrencesHere()
    {
        var target = await SeedAsync("Disk full on upload", o => o.Occurrences = 2);
        var source = await SeedAsync("Disk full while exporting", o => o.Occurrences = 3);
        _browser.Open($"#/issue/{_team.Project.Id}/{target.Id}");

        _browser.Find("#merge-search").SendKeys("disk FULL");
        _browser.Find("#merge-search").SendKeys(Keys.Enter);
        var result = _browser.Find("#merge-results li");
        Assert.That(result.Text, Does.Contain("Disk full while exporting"));
        result.FindElement(By.CssSelector("button.merge-this")).Click();
        _browser.Driver.SwitchTo().Alert().Accept();

        _browser.WaitUntil(() => _browser.Find(".activity").Text.Contains("merged another issue", StringComparison.Ordinal), "the merge in the activity");
        Assert.That(_browser.Find(".facts").Text, Does.Contain("Occurrences\n5"));
        var gone = await _api.SendAsync(Authorized(HttpMethod.Get, $"/v1/projects/{_team.Project.Id}/issues/{source.Id}"));
        Assert.That(gone.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Keyboard_MovesOpensSnoozesAndGoesBack()
    {
        var keys = await HttpTeam.CreateAsync(_factory, "Keys");
        var older = await keys.SeedIssueAsync("Older keyboard issue");
        _factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var newer = await keys.SeedIssueAsync("Newer keyboard issue");
        SignInAs(keys.Users[TeamRole.Owner].User.Email);
        _browser.Open("#/stream");
        _browser.WaitUntil(() => RowIds().Count == 2, "two rows");

        _browser.Keys("j");
        _browser.Keys("j");
        _browser.Keys("k");
        Assert.That(_browser.Driver.SwitchTo().ActiveElement().Text, Is.EqualTo(newer.Title));
        _browser.Keys("j");
        _browser.Keys(Keys.Enter);
        _browser.WaitUntil(() => _browser.All("#issue-title").Count == 1, "the issue page");
        Assert.That(_browser.Find("#issue-title").Text, Is.EqualTo(older.Title));

        _browser.Keys("s");
        _browser.WaitUntil(() => _browser.Find(".issue-head .badge").Text == "Snoozed", "the snooze");
        _browser.Keys(Keys.Escape);
        _browser.WaitUntil(() => _browser.All("#stream").Count == 1, "the stream again");
        Assert.That(_browser.Find($"tr[data-id='{older.Id}'] .badge").Text, Is.EqualTo("Snoozed"));
    }

    [Test]
    public async Task Stream_ANewIssue_AppearsWithoutAReload()
    {
        var live = await HttpTeam.CreateAsync(_factory, "Live");
        await live.SeedIssueAsync("Already there");
        SignInAs(live.Users[TeamRole.Owner].User.Email);
        _browser.Open("#/stream");
        _browser.WaitUntil(() => RowIds().Count == 1, "the first issue");

        var arrived = await live.SeedIssueAsync("Arrived while watching");

        _browser.WaitUntil(() => RowIds().Contains(arrived.Id.ToString()), "the new issue, by polling", seconds: 25);
        Assert.That(_browser.Find($"tr[data-id='{arrived.Id}']").GetAttribute("class"), Does.Contain("fresh"));
    }

    [Test]
    public async Task OtherTeamsUser_SeesNoneOfTheTeamsIssues()
    {
        var secret = await SeedAsync("Secret of team A");
        var other = await HttpTeam.CreateAsync(_factory, "Team B");
        await other.SeedIssueAsync("Team B's own issue");
        SignInAs(other.Users[TeamRole.Owner].User.Email);

        _browser.Open("#/stream?mode=all");
        _browser.WaitUntil(() => RowIds().Count == 1, "team B's issue");
        Assert.That(_browser.Find("#stream").Text, Does.Not.Contain("Secret of team A"));
        Assert.That(_browser.All("#filter-team option").Select(o => o.Text), Is.EqualTo(new[] { "Team B" }));

        _browser.Open($"#/issue/{_team.Project.Id}/{secret.Id}");
        Assert.That(_browser.Find(".error[role='alert']").Text, Does.Contain("Project not found"));
    }

    /// <summary>
    /// The README's screenshots come from this test: with <c>OWLMETRY_SCREENSHOTS=$PWD/docs/images</c> (from the
    /// repository's root; a relative folder would be one of the test's output folder) it writes <c>console-stream.png</c>
    /// and <c>console-issue.png</c> there. It also checks a narrow screen: no sideways scrolling on either page.
    /// </summary>
    [Test]
    public async Task Pages_OnANarrowScreen_DoNotScrollSideways_AndMakeTheReadmeScreenshots()
    {
        var demo = await HttpTeam.CreateAsync(_factory, "Acme");
        await demo.SeedIssueAsync("NullReferenceException in CheckoutService.ApplyCoupon", o => o.Occurrences = 42);
        await demo.SeedIssueAsync("Network error: POST api.payments.example/v1/charges", o => { o.Occurrences = 17; o.Status = Domain.IssueStatus.Regressed; });
        var worked = await demo.SeedIssueAsync("TimeoutException: database did not answer in 30 s", o => { o.Occurrences = 5; o.Status = Domain.IssueStatus.InProgress; });
        var shown = await demo.SeedIssueAsync("Connection refused by inventory service", o => o.Occurrences = 9);
        using (var owner = demo.ClientWith(demo.Token(TeamRole.Owner)))
        {
            await owner.PostAsJsonAsync(
                $"/v1/projects/{demo.Project.Id}/issues/{shown.Id}/comments",
                new { body = "Started after the **2.4.0** rollout; see [the deploy log](https://example.com/deploys/2.4.0)." });
        }

        await ClaimAsync(demo, demo.Token(TeamRole.Owner), worked.Id);

        SignInAs(demo.Users[TeamRole.Owner].User.Email);
        var screenshots = Environment.GetEnvironmentVariable("OWLMETRY_SCREENSHOTS");
        _browser.Open("#/stream");
        _browser.WaitUntil(() => RowIds().Count == 4, "the demo issues");
        Save(screenshots, "console-stream.png");
        _browser.Open($"#/issue/{demo.Project.Id}/{shown.Id}");
        _browser.Find(".comment");
        Save(screenshots, "console-issue.png");

        try
        {
            _browser.Driver.Manage().Window.Size = new System.Drawing.Size(400, 900);
            Assert.That(SidewaysOverflow(), Is.LessThanOrEqualTo(0), "the issue page scrolls sideways");
            _browser.Open("#/stream");
            _browser.WaitUntil(() => RowIds().Count == 4, "the stream");
            Assert.That(SidewaysOverflow(), Is.LessThanOrEqualTo(0), "the stream scrolls sideways");
        }
        finally
        {
            _browser.Driver.Manage().Window.Size = new System.Drawing.Size(1280, 1000);
        }
    }

    private long SidewaysOverflow() =>
        (long)_browser.Driver.ExecuteScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth")!;

    private void Save(string? folder, string name)
    {
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
            _browser.Driver.GetScreenshot().SaveAsFile(Path.Combine(folder, name));
        }
    }

    [Test]
    public void Members_OwnerMakesAMemberAnAdminAndRemovesAnother_TheDirectoryHoldsBoth()
    {
        var promoted = _team.AddUserAsync(TeamRole.Member).GetAwaiter().GetResult();
        var removed = _team.AddUserAsync(TeamRole.Member).GetAwaiter().GetResult();

        _browser.Find("#team-link").Click();
        _browser.Find($"select[data-user='{promoted}'] option[value='admin']").Click();
        _browser.WaitUntil(() => _team.RoleOfAsync(promoted).GetAwaiter().GetResult() == TeamRole.Admin, "the role change to reach the server");
        _browser.Find($"button[data-remove='{removed}']").Click();
        _browser.Driver.SwitchTo().Alert().Accept();

        _browser.WaitUntil(() => _browser.All($"tr[data-user='{removed}']").Count == 0, "the removed member's row to go");
        Assert.That(_team.RoleOfAsync(removed).GetAwaiter().GetResult(), Is.Null, "the member is still in the team");
        Assert.That(_browser.Find($"select[data-user='{promoted}']").GetAttribute("value"), Is.EqualTo("admin"), "the page shows another role after reloading");
    }

    [Test]
    public void Members_OwnerAddsANewAccountAsAdmin_TheDirectoryHoldsItAndThePageListsIt()
    {
        var email = $"added-{Guid.NewGuid():N}@example.com";
        var team = _team.Team.Id;

        _browser.Open("#/team");
        _browser.Find($"#add-email-{team}").SendKeys(email);
        _browser.Find($"#add-role-{team} option[value='admin']").Click();
        _browser.Find($"#add-name-{team}").SendKeys("Added Person");
        _browser.Find($"#add-password-{team}").SendKeys("a long enough password");
        _browser.Find($"#add-email-{team}").Submit();

        _browser.WaitUntil(() => _browser.Find($"section[data-team='{team}']").Text.Contains(email, StringComparison.Ordinal), "the new member's row");
        var user = _factory.Directory.FindUserByEmailAsync(email).GetAwaiter().GetResult();
        Assert.That(user, Is.Not.Null, "the account was not created");
        Assert.That(_team.RoleOfAsync(user!.Id).GetAwaiter().GetResult(), Is.EqualTo(TeamRole.Admin));
        Assert.That(_browser.All($"#team-error-{team}").Single().Text, Is.Empty, "the page shows an error after the member was added");
    }

    [Test]
    public void Members_AddWithoutAPasswordForANewAccount_ShowsTheServersRefusal()
    {
        var team = _team.Team.Id;

        _browser.Open("#/team");
        _browser.Find($"#add-email-{team}").SendKeys($"nobody-{Guid.NewGuid():N}@example.com");
        _browser.Find($"#add-email-{team}").Submit();

        _browser.WaitUntil(() => _browser.Find($"#team-error-{team}").Text.Length > 0, "the refusal");
        Assert.That(_browser.Find($"#team-error-{team}").Text, Does.Contain("name").Or.Contain("password"));
    }

    [Test]
    public void Members_LastOwnerStepsDown_ShowsTheRefusalAndKeepsTheRole()
    {
        var owner = _team.Users[TeamRole.Owner].User.Id;

        _browser.Open("#/team");
        _browser.Find($"select[data-user='{owner}'] option[value='member']").Click();

        _browser.WaitUntil(() => _browser.Find($"#team-error-{_team.Team.Id}").Text.Length > 0, "the refusal");
        Assert.That(_browser.Find($"#team-error-{_team.Team.Id}").Text, Does.StartWith("A team must keep an owner"));
        Assert.That(_browser.Find($"select[data-user='{owner}']").GetAttribute("value"), Is.EqualTo("owner"), "the select shows a role the server refused");
        Assert.That(_team.RoleOfAsync(owner).GetAwaiter().GetResult(), Is.EqualTo(TeamRole.Owner));
    }

    [Test]
    public void Members_AMemberLeavesTheirOnlyTeam_ThePageSaysTheyAreInNone()
    {
        var leaving = _team.AddUserAsync(TeamRole.Member).GetAwaiter().GetResult();
        SignInAs(_factory.Directory.FindUserAsync(leaving).GetAwaiter().GetResult()!.Email);

        _browser.Open("#/team");
        _browser.Find($"button[data-remove='{leaving}']").Click();
        _browser.Driver.SwitchTo().Alert().Accept();

        _browser.WaitUntil(() => _browser.Find(".team-page").Text.Contains("You are not a member of any team.", StringComparison.Ordinal), "the empty members page");
        Assert.That(_team.RoleOfAsync(leaving).GetAwaiter().GetResult(), Is.Null, "the user is still in the team");
    }

    [Test]
    public void Members_AMember_SeesTheRolesWithoutControlsButLeave()
    {
        SignInAs(_team.Users[TeamRole.Member].User.Email);

        _browser.Open("#/team");
        _browser.Find($"tr[data-user='{_team.Users[TeamRole.Owner].User.Id}']");

        Assert.That(_browser.All(".team select"), Is.Empty, "a member is offered role changes");
        Assert.That(_browser.All(".add-member"), Is.Empty, "a member is offered to add members");
        Assert.That(_browser.All(".team button[data-remove]").Select(b => (b.GetAttribute("data-remove"), b.Text)),
            Is.EqualTo(new[] { (_team.Users[TeamRole.Member].User.Id.ToString(), "Leave") }), "a member is offered to remove someone else");
        Assert.That(_browser.Find($"tr[data-user='{_team.Users[TeamRole.Admin].User.Id}'] td.role").Text, Is.EqualTo("Admin"));
    }

    private void SignInAs(string email) => _browser.SignIn(email);

    private Task<Domain.Issue> SeedAsync(string title, Action<IssueSeedOptions>? configure = null) => _team.SeedIssueAsync(title, configure);

    private List<string> RowIds() => [.. _browser.All("#stream tbody tr").Select(r => r.GetAttribute("data-id") ?? string.Empty)];

    private string TabCount(string status) => _browser.All($"nav.tabs a[data-status='{status}'] .count").FirstOrDefault()?.Text ?? string.Empty;

    private void AddComment(string text)
    {
        var before = _browser.All(".comment").Count;
        _browser.Find("#new-comment").SendKeys(text);
        _browser.Find("#add-comment").Click();
        _browser.WaitUntil(() => _browser.All(".comment").Count == before + 1, "the new comment");
    }

    /// <summary>An agent key of <paramref name="team"/>, named <c>Agent key</c>, claims the issue through the API.</summary>
    private static async Task ClaimAsAgentAsync(HttpTeam team, Guid issueId) =>
        await ClaimAsync(team, await team.CreateKeyAsync(ApiKeyType.Agent, "issues:write"), issueId);

    private static async Task ClaimAsync(HttpTeam team, string bearer, Guid issueId)
    {
        using var client = team.ClientWith(bearer);
        (await client.PostAsJsonAsync($"/v1/projects/{team.Project.Id}/issues/{issueId}/claim", new { })).EnsureSuccessStatusCode();
    }

    /// <summary>The issue's claim as the API answers it to the team's owner; null when nobody holds it.</summary>
    private static async Task<JsonNode?> ClaimOfAsync(HttpTeam team, Guid issueId)
    {
        using var client = team.ClientWith(team.Token(TeamRole.Owner));
        return (await (await client.GetAsync($"/v1/projects/{team.Project.Id}/issues/{issueId}")).JsonAsync())["claim"];
    }

    private List<string> ActionTargets() => [.. _browser.All(".actions button").Select(b => b.GetAttribute("data-target") ?? string.Empty)];

    private HttpRequestMessage Authorized(HttpMethod method, string path, object? body = null) => new(method, path)
    {
        Headers = { Authorization = new AuthenticationHeaderValue("Bearer", _team.Token(TeamRole.Owner)) },
        Content = body is null ? null : JsonContent.Create(body),
    };

    /// <summary>An SDK reports an error of <paramref name="appVersion"/> and an agent runs the scan; the issue's id.</summary>
    private async Task<Guid> IngestAndScanAsync(string message, string appVersion)
    {
        var client = await _team.CreateKeyAsync(ApiKeyType.Client, "events:write");
        var agent = await _team.CreateKeyAsync(ApiKeyType.Agent, "jobs:write", "issues:read");
        using var ingest = new HttpRequestMessage(HttpMethod.Post, "/v1/ingest")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", client) },
            Content = JsonContent.Create(new { events = new[] { new { message, level = "error", session_id = Guid.NewGuid(), app_version = appVersion } } }),
        };
        (await _api.SendAsync(ingest)).EnsureSuccessStatusCode();
        using var scan = new HttpRequestMessage(HttpMethod.Post, $"/v1/teams/{_team.Team.Id}/jobs/trigger")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", agent) },
            Content = JsonContent.Create(new { job_type = "issue_scan" }),
        };
        (await _api.SendAsync(scan)).EnsureSuccessStatusCode();
        using var list = new HttpRequestMessage(HttpMethod.Get, $"/v1/projects/{_team.Project.Id}/issues/search?q={Uri.EscapeDataString(message)}")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", agent) },
        };
        var found = await (await _api.SendAsync(list)).JsonAsync();
        return Guid.Parse(found["issues"]![0]!.Text("id"));
    }
}
