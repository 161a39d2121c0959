using System.Net;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>
/// <c>POST /v1/auth/login</c> is limited per client address and per email tried. The windows are an hour long, so a
/// refusal never depends on how fast the test runs.
/// </summary>
public sealed class LoginRateLimitTests
{
    private const string Password = "correct horse battery staple";
    private const string Login = "/v1/auth/login";

    private static readonly Dictionary<string, string?> s_threePerHour = new()
    {
        ["Auth:LoginRateLimit:PermitLimit"] = "3",
        ["Auth:LoginRateLimit:Window"] = "01:00:00",
    };

    [Test]
    public async Task Login_OverTheLimitFromOneAddress_Is429WithRetryAfterEvenForTheRightPassword()
    {
        using var factory = new OwlmetryServerFactory(s_threePerHour);
        var owner = (await HttpTeam.CreateAsync(factory)).Users[TeamRole.Owner].User;

        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            guesses.Add((await factory.PostJsonAsync("10.0.0.1", Login, new { email = $"guess{i}@example.com", password = "wrong password" })).Status);
        }

        var refused = await factory.PostJsonAsync("10.0.0.1", Login, new { email = owner.Email, password = Password });

        Assert.That(guesses, Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(int.Parse(refused.RetryAfter, System.Globalization.CultureInfo.InvariantCulture), Is.InRange(1, 3600));
        Assert.That(refused.ContentType, Is.EqualTo("application/problem+json"));
        Assert.That(refused.Error, Is.EqualTo("Rate limit exceeded"));
    }

    [Test]
    public async Task Login_OneEmailFromManyAddresses_Is429()
    {
        using var factory = new OwlmetryServerFactory(s_threePerHour);
        var owner = (await HttpTeam.CreateAsync(factory)).Users[TeamRole.Owner].User;

        for (var i = 1; i <= 3; i++)
        {
            await factory.PostJsonAsync($"10.0.0.{i}", Login, new { email = owner.Email, password = "wrong password" });
        }

        var refused = await factory.PostJsonAsync("10.0.0.4", Login, new { email = $" {owner.Email.ToUpperInvariant()}", password = Password });

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(refused.RetryAfter, Is.Not.Empty);
    }

    [Test]
    public async Task Login_AnotherAddressAndEmail_IsNotBlockedByALimitedOne()
    {
        using var factory = new OwlmetryServerFactory(s_threePerHour);
        var team = await HttpTeam.CreateAsync(factory);

        for (var i = 0; i < 4; i++)
        {
            await factory.PostJsonAsync("10.0.0.1", Login, new { email = team.Users[TeamRole.Owner].User.Email, password = "wrong password" });
        }

        var fromElsewhere = await factory.PostJsonAsync("10.0.0.2", Login, new { email = team.Users[TeamRole.Admin].User.Email, password = Password });

        Assert.That(fromElsewhere.Status, Is.EqualTo(HttpStatusCode.OK), fromElsewhere.Body);
    }

    [Test]
    public async Task Login_LimitDisabled_NeverRefuses()
    {
        using var factory = new OwlmetryServerFactory(new Dictionary<string, string?>(s_threePerHour) { ["Auth:LoginRateLimit:Enabled"] = "false" });
        var owner = (await HttpTeam.CreateAsync(factory)).Users[TeamRole.Owner].User;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await factory.PostJsonAsync("10.0.0.1", Login, new { email = owner.Email, password = "wrong password" })).Status);
        }

        var correct = await factory.PostJsonAsync("10.0.0.1", Login, new { email = owner.Email, password = Password });

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(correct.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Login_DefaultLimit_IsTenAttemptsPerAddress()
    {
        using var factory = new OwlmetryServerFactory();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await factory.PostJsonAsync("10.0.0.1", Login, new { email = $"guess{i}@example.com", password = "wrong password" })).Status);
        }

        Assert.That(statuses.Take(10), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(statuses[10], Is.EqualTo(HttpStatusCode.TooManyRequests));
    }
}
