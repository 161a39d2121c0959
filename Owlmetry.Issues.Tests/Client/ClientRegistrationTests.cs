using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Client;

public sealed class ClientRegistrationTests : HttpApiFixture
{
    [Test]
    public void AddOwlmetryIssuesClient_WithoutBaseAddress_FailsValidation()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => ClientFor("key", options: o => o.BaseAddress = null));

        Assert.That(refused!.Message, Does.Contain("BaseAddress"));
    }

    private static IEnumerable<TestCaseData> LimitsOutOfRange()
    {
        yield return Limit(o => o.MaxRetryAfter = TimeSpan.FromSeconds(-1), "MaxRetryAfter").SetArgDisplayNames("negative MaxRetryAfter");
        yield return Limit(o => o.MaxResponseSize = 0, "MaxResponseSize").SetArgDisplayNames("MaxResponseSize 0");
        yield return Limit(o => o.MaxResponseSize = int.MaxValue + 1L, "MaxResponseSize").SetArgDisplayNames("MaxResponseSize over HttpClient's 2 GiB");

        static TestCaseData Limit(Action<OwlmetryIssuesClientOptions> set, string option) => new(set, option);
    }

    [TestCaseSource(nameof(LimitsOutOfRange))]
    public void AddOwlmetryIssuesClient_LimitOutOfRange_FailsValidation(Action<OwlmetryIssuesClientOptions> set, string option)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => ClientFor("key", options: set));

        Assert.That(refused!.Message, Does.Contain(option), "the message names the option to fix");
    }

    [Test]
    public async Task AddOwlmetryIssuesClient_BaseAddressWithAPath_KeepsThePathAndSendsTheKey()
    {
        var server = new ScriptedServer(_ => ScriptedServer.Answer(HttpStatusCode.OK, """{"projects": []}""", "application/json"));
        var client = ClientFor(
            "owl_agent_secret",
            b => b.ConfigurePrimaryHttpMessageHandler(() => server),
            o => o.BaseAddress = new Uri("http://issues.example/owlmetry"));

        await client.ListProjectsAsync();

        Assert.That(server.Seen, Is.EqualTo(new[] { ("GET http://issues.example/owlmetry/v1/projects", "Bearer owl_agent_secret") }));
    }

    [Test]
    public void ErrorBody_NotJson_TheReasonPhraseIsTheError()
    {
        var server = new ScriptedServer(_ => ScriptedServer.Answer(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html"));
        var client = ClientFor("key", b => b.ConfigurePrimaryHttpMessageHandler(() => server), o => o.MaxRetryAttempts = 0);

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.ListProjectsAsync());

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(refused.Error, Is.EqualTo("Bad Gateway"));
    }
}
