using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Scanning;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Storage.InMemory;
using Owlmetry.Samples.AspNetCore.Accounts;
using Owlmetry.Samples.AspNetCore.Checkout;

namespace Owlmetry.Samples.AspNetCore.Tests;

// The shop as Program.cs builds it, its background scan switched off, on a LiteDB file of its own, served in memory (TestServer). The shop's own pages and
// its authentication's refusals are read over HTTP; the Issues API through Owlmetry.Issues.Client, sending the shop's
// X-Api-Key header.
public sealed class ShopSmokeTests
{
    private static readonly string s_acmeIssues = $"/v1/projects/{ShopAccounts.Acme.ProjectId}/issues";
    private readonly List<ServiceProvider> _apiClients = [];
    private string _folder = "";
    private WebApplicationFactory<Program> _factory = null!;

    [SetUp]
    public void StartShop()
    {
        _folder = Directory.CreateTempSubdirectory("owlmetry-shop-").FullName;
        #region SwitchOffBackgroundScan
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Issues:DataFile", Path.Combine(_folder, "shop-issues.db"))
            // The tests scan by hand (IssueScanner.ScanAsync) when they need to: a scan on its own timer would race them.
            .ConfigureTestServices(services => services.Configure<IssuesOptions>(o => o.BackgroundScan = false)));
        #endregion
    }

    [TearDown]
    public async Task StopShop()
    {
        _apiClients.ForEach(provider => provider.Dispose());
        await _factory.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task FailedCheckout_IsRecordedAndScanned_AndListedToTheTenantsUser()
    {
        using var jane = Client(ShopAccounts.JaneKey);

        var checkout = await jane.PostAsJsonAsync("/shop/checkout", new { cardNumber = PaymentGateway.DecliningCard, amount = 42.50m });
        var paid = await jane.PostAsJsonAsync("/shop/checkout", new { cardNumber = "4242 4242 4242 4242", amount = 10m });
        await _factory.Services.GetRequiredService<IssueScanner>().ScanAsync();   // what the background scan does in the app
        var issues = await ApiClient(ShopAccounts.JaneKey).ListIssuesAsync(ShopAccounts.Acme.ProjectId).ToListAsync();

        Assert.That(checkout.StatusCode, Is.EqualTo(HttpStatusCode.PaymentRequired));
        Assert.That(paid.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(issues.Select(i => (i.Title, i.AppName, i.Status)), Is.EqualTo(new[] { ("PaymentDeclinedException: The card was declined", "Shop backend", "new") }));
    }

    [Test]
    public async Task DeclinedCheckout_WhoseErrorReportTheStoreFails_IsStillAnsweredPaymentRequired()
    {
        var shopWithStoreDown = _factory.WithWebHostBuilder(web => web
            .ConfigureTestServices(services => services.AddSingleton<IIssueStore, UnavailableIssueStore>()));
        using var jane = shopWithStoreDown.CreateClient();
        jane.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, ShopAccounts.JaneKey);

        var checkout = await jane.PostAsJsonAsync("/shop/checkout", new { cardNumber = PaymentGateway.DecliningCard, amount = 42.50m });

        Assert.That(checkout.StatusCode, Is.EqualTo(HttpStatusCode.PaymentRequired), await checkout.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task FailedCheckout_OnInMemoryStorageAndAFakeClock_IsFiledAtTheClocksTime()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero));
        #region InMemoryStorageAndFakeClock
        var shop = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .ConfigureTestServices(services =>
            {
                // Replaces the app's store (LiteDB here, PostgreSQL in production): nothing touches a disk or a database.
                services.AddOwlmetryIssues(o => o.BackgroundScan = false).UseInMemoryStorage();
                // The library and the app's own code read time from the registered TimeProvider.
                services.AddSingleton<TimeProvider>(clock);
            }));
        #endregion
        await using var _ = shop;
        using var jane = shop.CreateClient();
        jane.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, ShopAccounts.JaneKey);

        await jane.PostAsJsonAsync("/shop/checkout", new { cardNumber = PaymentGateway.DecliningCard, amount = 42.50m });
        await shop.Services.GetRequiredService<IssueScanner>().ScanAsync();
        var issues = await ApiClient(ShopAccounts.JaneKey, shop).ListIssuesAsync(ShopAccounts.Acme.ProjectId).ToListAsync();

        Assert.That(shop.Services.GetRequiredService<IIssueStore>(), Is.InstanceOf<InMemoryIssueStore>());
        Assert.That(issues.Select(i => i.FirstSeenAt), Is.EqualTo(new[] { clock.GetUtcNow() }));
    }

    [Test]
    public async Task TenantsClerk_TriagesTheIssue_AsTeamMember()
    {
        using var jane = Client(ShopAccounts.JaneKey);
        var sam = ApiClient(ShopAccounts.SamKey);
        await jane.PostAsJsonAsync("/shop/checkout", new { cardNumber = PaymentGateway.DecliningCard, amount = 1m });
        await _factory.Services.GetRequiredService<IssueScanner>().ScanAsync();
        var issue = await sam.ListIssuesAsync(ShopAccounts.Acme.ProjectId).FirstAsync();

        var comment = await sam.AddCommentAsync(ShopAccounts.Acme.ProjectId, issue.Id, "Asked the provider");

        Assert.That(comment.AuthorName, Is.EqualTo("Sam"));
    }

    [Test]
    public async Task AnotherTenantsUser_GetsNotFound()
    {
        using var jane = Client(ShopAccounts.JaneKey);
        var mallory = ApiClient(ShopAccounts.MalloryKey);
        await jane.PostAsJsonAsync("/shop/checkout", new { cardNumber = PaymentGateway.DecliningCard, amount = 1m });
        await _factory.Services.GetRequiredService<IssueScanner>().ScanAsync();

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(async () => await mallory.ListIssuesAsync(ShopAccounts.Acme.ProjectId).ToListAsync());
        var own = await mallory.ListIssuesAsync(ShopAccounts.Globex.ProjectId).ToListAsync();

        Assert.That((refused!.StatusCode, refused.Error), Is.EqualTo((HttpStatusCode.NotFound, "Project not found")));
        Assert.That(own, Is.Empty);
    }

    [TestCase(null)]
    [TestCase("not-a-key")]
    public async Task NoOrUnknownApiKey_IsUnauthorized(string? apiKey)
    {
        using var client = Client(apiKey);

        var issues = await client.GetAsync(s_acmeIssues);
        var checkout = await client.PostAsJsonAsync("/shop/checkout", new { cardNumber = PaymentGateway.DecliningCard, amount = 1m });

        Assert.That(issues.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(JsonNode.Parse(await issues.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), Is.EqualTo("Send your API key in the X-Api-Key header"));
        Assert.That(checkout.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    // The typed client as an application registers it, on the in-memory server (the shop of the set-up unless another is given), with the shop's key header.
    private OwlmetryIssuesClient ApiClient(string apiKey, WebApplicationFactory<Program>? shop = null)
    {
        shop ??= _factory;
        var services = new ServiceCollection();
        services.AddOwlmetryIssuesClient(o => o.BaseAddress = shop.Server.BaseAddress)
            .ConfigurePrimaryHttpMessageHandler(() => shop.Server.CreateHandler())
            .ConfigureHttpClient(http => http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, apiKey));
        var provider = services.BuildServiceProvider();
        _apiClients.Add(provider);
        return provider.GetRequiredService<OwlmetryIssuesClient>();
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
