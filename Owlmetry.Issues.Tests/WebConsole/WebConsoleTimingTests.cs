using System.Diagnostics;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Tests.WebConsole;

/// <summary>
/// The timings of <c>docs/performance.md</c> ("The web console"): 100,000 issues in one project, the server time of
/// the stream's request, and the time until the stream shows its 50 rows in the headless browser. Explicit: a
/// measurement to run by hand (<c>dotnet test --filter FullyQualifiedName~WebConsoleTimingTests</c>), not a check.
/// </summary>
[Explicit("A measurement, run by hand")]
[Category("Browser")]
public sealed class WebConsoleTimingTests
{
    private const int Issues = 100_000;

    [Test]
    public async Task Stream_With100000Issues_Timings()
    {
        await using var factory = new OwlmetryServerFactory(new Dictionary<string, string?> { ["Auth:LoginRateLimit:Enabled"] = "false" });
        var address = ConsoleBrowser.StartServer(factory);
        var team = await HttpTeam.CreateAsync(factory, "Timing");
        var seeding = Stopwatch.StartNew();
        var now = factory.Clock.GetUtcNowMilliseconds();
        for (var i = 0; i < Issues; i++)
        {
            var at = now.AddSeconds(-i);
            var issue = new Issue
            {
                Id = Guid.NewGuid(), ProjectId = team.Project.Id, AppId = team.App.Id, Title = $"Issue {i}: something failed",
                SourceModule = "Timing", FirstSeenAt = at, LastSeenAt = at, CreatedAt = at, UpdatedAt = at, Fingerprints = [$"fp-{i}"],
            };
            await factory.IssueStore.SeedIssueAsync(issue, []);
        }

        TestContext.Progress.WriteLine($"seeded {Issues} issues in {seeding.Elapsed.TotalSeconds:0.0} s");
        using var api = team.ClientWith(team.Token(TeamRole.Owner));
        foreach (var (name, path) in new[]
        {
            ("project list, last_seen", $"/v1/projects/{team.Project.Id}/issues?data_mode=production&sort=last_seen&limit=50"),
            ("team list, last_seen", $"/v1/issues?team_id={team.Team.Id}&data_mode=production&sort=last_seen&limit=50"),
            ("team list, occurrences", $"/v1/issues?team_id={team.Team.Id}&data_mode=production&sort=occurrences&limit=50"),
        })
        {
            var samples = new List<double>();
            for (var i = 0; i < 25; i++)
            {
                var clock = Stopwatch.StartNew();
                (await api.GetAsync(path)).EnsureSuccessStatusCode();
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }

            TestContext.Progress.WriteLine($"server, {name}: median {Median(samples.Skip(5)):0.0} ms");
        }

        using var browser = ConsoleBrowser.Start(address);
        browser.SignIn(team.Users[TeamRole.Owner].User.Email);
        var cold = new List<double>();
        var warm = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            // A fresh page load: from the navigation's start until 50 rows are in the table.
            browser.Reload("#/stream");
            cold.Add(Convert.ToDouble(browser.Driver.ExecuteAsyncScript(WaitForRows), System.Globalization.CultureInfo.InvariantCulture));

            // Within the loaded page: from the sort's change until 50 rows of the new order are in the table.
            warm.Add(Convert.ToDouble(browser.Driver.ExecuteAsyncScript(
                "const done = arguments[arguments.length - 1]; document.getElementById('main').replaceChildren(); const t0 = performance.now();" +
                $"location.hash = '#/stream?sort={(i % 2 == 0 ? "first_seen" : "last_seen")}';" +
                "(function check() { if (document.querySelectorAll('#stream tbody tr').length >= 50) done(performance.now() - t0); else requestAnimationFrame(check); })();"),
                System.Globalization.CultureInfo.InvariantCulture));
        }

        TestContext.Progress.WriteLine($"browser, page load until 50 rows: median {Median(cold.Skip(2)):0} ms (of {cold.Count - 2})");
        TestContext.Progress.WriteLine($"browser, filter change until 50 rows: median {Median(warm.Skip(2)):0} ms (of {warm.Count - 2})");
        Assert.That(browser.TakeErrors(), Is.Empty);
    }

    private const string WaitForRows =
        "const done = arguments[arguments.length - 1];" +
        "(function check() { if (document.querySelectorAll('#stream tbody tr').length >= 50) done(performance.now()); else requestAnimationFrame(check); })();";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
