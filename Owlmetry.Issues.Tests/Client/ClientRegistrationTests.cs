using System.Net;
using System.Text;
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

    [Test]
    public async Task AddOwlmetryIssuesClient_BaseAddressWithAPath_KeepsThePathAndSendsTheKey()
    {
        var recorder = new Recorder();
        var client = ClientFor(
            "owl_agent_secret",
            b => b.ConfigurePrimaryHttpMessageHandler(() => recorder),
            o => o.BaseAddress = new Uri("http://issues.example/owlmetry"));

        await client.ListProjectsAsync();

        Assert.That(recorder.Uri, Is.EqualTo(new Uri("http://issues.example/owlmetry/v1/projects")));
        Assert.That(recorder.Authorization, Is.EqualTo("Bearer owl_agent_secret"));
    }

    [Test]
    public void ErrorBody_NotJson_TheReasonPhraseIsTheError()
    {
        var recorder = new Recorder(HttpStatusCode.BadGateway, "<html>bad gateway</html>");
        var client = ClientFor("key", b => b.ConfigurePrimaryHttpMessageHandler(() => recorder), o => o.MaxRetryAttempts = 0);

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.ListProjectsAsync());

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(refused.Error, Is.EqualTo("Bad Gateway"));
    }

    private sealed class Recorder(HttpStatusCode status = HttpStatusCode.OK, string body = """{"projects": []}""") : HttpMessageHandler
    {
        public Uri? Uri { get; private set; }

        public string? Authorization { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uri = request.RequestUri;
            Authorization = request.Headers.Authorization?.ToString();
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
