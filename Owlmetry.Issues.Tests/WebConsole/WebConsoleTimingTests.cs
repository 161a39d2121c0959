using System.Diagnostics;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Tests.Support;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Tests.WebConsole;

/// <summary>
/// The timings of <c>docs/performance.md</c> ("The web console"): 100,000 issues in one project, on in-memory storage or
/// on the server's LiteDB file, the server time of the stream's requests (list, tab counts, the page's charts), and the
/// time until the stream shows its 50 rows in the headless browser. Explicit: a measurement to run by hand
/// (<c>dotnet test -c Release --filter FullyQualifiedName~WebConsoleTimingTests</c>), not a check.
/// </summary>
[Explicit("A measurement, run by hand")]
[Category("Browser")]
public sealed class WebConsoleTimingTests
{
    private const int Issues = 100_000;

    [TestCase("memory")]
    [TestCase("litedb")]
    public async Task Stream_With100000Issues_Timings(string storage)
    {
        using var data = new TempFolder(create: false);
        var settings = new Dictionary<string, string?> { ["Auth:LoginRateLimit:Enabled"] = "false" };
        await using var factory = storage == "litedb" ? new OwlmetryServerFactory(data.Path, settings) : new OwlmetryServerFactory(settings);
        var address = ConsoleBrowser.StartServer(factory);
        var team = await HttpTeam.CreateAsync(factory, "Timing");
        var seeding = Stopwatch.StartNew();
        var now = factory.Clock.GetUtcNowMilliseconds();
        var firstPage = new List<Guid>();
        for (var chunk = 0; chunk < Issues; chunk += 5_000)
        {
            var issues = Enumerable.Range(chunk, 5_000).Select(i => new Issue
            {
                Id = Guid.NewGuid(), ProjectId = team.Project.Id, AppId = team.App.Id, Title = $"Issue {i}: something failed",
                SourceModule = "Timing", FirstSeenAt = now.AddSeconds(-i), LastSeenAt = now.AddSeconds(-i), CreatedAt = now.AddSeconds(-i),
                UpdatedAt = now.AddSeconds(-i), Fingerprints = [$"fp-{i}"],
            }).ToList();
            firstPage.AddRange(issues.Take(50 - firstPage.Count).Select(i => i.Id));
            await factory.IssueStore.WriteAsync(async writer =>
            {
                foreach (var issue in issues)
                {
                    await writer.InsertIssueAsync(issue);
                }

                // Three occurrences a day over the chart's 14 days for each issue of the first page.
                await writer.InsertOccurrencesAsync([.. issues.Where(i => firstPage.Contains(i.Id)).SelectMany(i => Enumerable.Range(0, 42).Select(n => new IssueOccurrence
                {
                    Id = Guid.NewGuid(), IssueId = i.Id, SessionId = Guid.NewGuid(), EventId = Guid.NewGuid(), Timestamp = now.AddHours(-8 * n), CreatedAt = now,
                }))]);
                return true;
            });
        }

        TestContext.Progress.WriteLine($"{storage}: seeded {Issues} issues in {seeding.Elapsed.TotalSeconds:0.0} s");
        using var api = team.ClientWith(team.Token(TeamRole.Owner));
        foreach (var (name, path) in new[]
        {
            ("project list, last_seen", $"/v1/projects/{team.Project.Id}/issues?data_mode=production&sort=last_seen&limit=50"),
            ("team list, last_seen", $"/v1/issues?team_id={team.Team.Id}&data_mode=production&sort=last_seen&limit=50"),
            ("team list, occurrences", $"/v1/issues?team_id={team.Team.Id}&data_mode=production&sort=occurrences&limit=50"),
            ("team counts (tabs)", $"/v1/issues/counts?team_id={team.Team.Id}&data_mode=production"),
            ("daily counts of the first page (charts)", $"/v1/issues/daily-counts?ids={string.Join(',', firstPage)}"),
        })
        {
            var samples = new List<double>();
            for (var i = 0; i < 25; i++)
            {
                var clock = Stopwatch.StartNew();
                (await api.GetAsync(path)).EnsureSuccessStatusCode();
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }

            TestContext.Progress.WriteLine($"{storage}: server, {name}: median {Median(samples.Skip(5)):0.0} ms");
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

        TestContext.Progress.WriteLine($"{storage}: browser, page load until 50 rows: median {Median(cold.Skip(2)):0} ms (of {cold.Count - 2})");
        TestContext.Progress.WriteLine($"{storage}: browser, filter change until 50 rows: median {Median(warm.Skip(2)):0} ms (of {warm.Count - 2})");
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
