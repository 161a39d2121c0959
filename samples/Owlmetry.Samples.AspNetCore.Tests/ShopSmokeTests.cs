using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Scanning;
using Owlmetry.Samples.AspNetCore.Accounts;
using Owlmetry.Samples.AspNetCore.Checkout;

namespace Owlmetry.Samples.AspNetCore.Tests;

// The shop as Program.cs builds it, on a LiteDB file of its own, served in memory (TestServer).
public sealed class ShopSmokeTests
{
    private static readonly string s_acmeIssues = $"/v1/projects/{ShopAccounts.Acme.ProjectId}/issues";
    private string _folder = "";
    private WebApplicationFactory<Program> _factory = null!;

    [SetUp]
    public void StartShop()
    {
        _folder = Directory.CreateTempSubdirectory("owlmetry-shop-").FullName;
        _factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(web => web.UseSetting("Issues:DataFile", Path.Combine(_folder, "shop-issues.db")));
    }

    [TearDown]
    public async Task StopShop()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task FailedCheckout_IsRecordedAndScanned_AndListedToTheTenantsUser()
    {
        using var jane = Client(ShopAccounts.JaneKey);

        var checkout = await jane.PostAsJsonAsync("/shop/checkout", new { card_number = PaymentGateway.DecliningCard, amount = 42.50m });
        var paid = await jane.PostAsJsonAsync("/shop/checkout", new { card_number = "4242 4242 4242 4242", amount = 10m });
        await _factory.Services.GetRequiredService<IssueScanner>().ScanAsync();   // the background scan, without waiting for it
        var response = await jane.GetAsync(s_acmeIssues);

        Assert.That(checkout.StatusCode, Is.EqualTo(HttpStatusCode.PaymentRequired));
        Assert.That(paid.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var issues = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["issues"]!.AsArray();
        Assert.That(issues.Select(i => i!["title"]!.GetValue<string>()), Is.EqualTo(new[] { "PaymentDeclinedException: The card was declined" }));
        Assert.That(issues[0]!["app_name"]!.GetValue<string>(), Is.EqualTo("Shop backend"));
        Assert.That(issues[0]!["status"]!.GetValue<string>(), Is.EqualTo("new"));
    }

    [Test]
    public async Task TenantsClerk_TriagesTheIssue_AsTeamMember()
    {
        using var jane = Client(ShopAccounts.JaneKey);
        using var sam = Client(ShopAccounts.SamKey);
        await jane.PostAsJsonAsync("/shop/checkout", new { card_number = PaymentGateway.DecliningCard, amount = 1m });
        await _factory.Services.GetRequiredService<IssueScanner>().ScanAsync();
        var issueId = JsonNode.Parse(await sam.GetStringAsync(s_acmeIssues))!["issues"]![0]!["id"]!.GetValue<string>();

        var comment = await sam.PostAsJsonAsync($"{s_acmeIssues}/{issueId}/comments", new { body = "Asked the provider" });

        Assert.That(comment.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(JsonNode.Parse(await comment.Content.ReadAsStringAsync())!["author_name"]!.GetValue<string>(), Is.EqualTo("Sam"));
    }

    [Test]
    public async Task AnotherTenantsUser_GetsNotFound()
    {
        using var jane = Client(ShopAccounts.JaneKey);
        using var mallory = Client(ShopAccounts.MalloryKey);
        await jane.PostAsJsonAsync("/shop/checkout", new { card_number = PaymentGateway.DecliningCard, amount = 1m });
        await _factory.Services.GetRequiredService<IssueScanner>().ScanAsync();

        var response = await mallory.GetAsync(s_acmeIssues);
        var own = await mallory.GetAsync($"/v1/projects/{ShopAccounts.Globex.ProjectId}/issues");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), Is.EqualTo("Project not found"));
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(JsonNode.Parse(await own.Content.ReadAsStringAsync())!["issues"]!.AsArray(), Is.Empty);
    }

    [TestCase(null)]
    [TestCase("not-a-key")]
    public async Task NoOrUnknownApiKey_IsUnauthorized(string? apiKey)
    {
        using var client = Client(apiKey);

        var issues = await client.GetAsync(s_acmeIssues);
        var checkout = await client.PostAsJsonAsync("/shop/checkout", new { card_number = PaymentGateway.DecliningCard, amount = 1m });

        Assert.That(issues.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(JsonNode.Parse(await issues.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), Is.EqualTo("Send your API key in the X-Api-Key header"));
        Assert.That(checkout.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private HttpClient Client(string? apiKey)
    {
        var client = _factory.CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, apiKey);
        }

        return client;
    }
}
