using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Client;

/// <summary>Retries after a transient failure only where repeating cannot do anything twice.</summary>
public sealed class ClientRetryTests : HttpApiFixture
{
    [Test]
    public async Task Read_TwoTransientFailures_IsRetriedAndSucceeds()
    {
        var flaky = new FlakyHandler(failures: 2);
        var client = ClientFor(Team.Token(TeamRole.Owner), b => b.AddHttpMessageHandler(() => flaky));

        var projects = await client.ListProjectsAsync();

        Assert.That(projects.Select(p => p.Id), Is.EqualTo(new[] { Team.Project.Id }));
        Assert.That(flaky.Attempts, Is.EqualTo(3));
    }

    [Test]
    public void Read_MoreFailuresThanRetries_ThrowsTheLastWith503()
    {
        var flaky = new FlakyHandler(failures: 10);
        var client = ClientFor(Team.Token(TeamRole.Owner), b => b.AddHttpMessageHandler(() => flaky), o => o.MaxRetryAttempts = 2);

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.ListProjectsAsync());

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(refused.Error, Is.EqualTo("Try again"));
        Assert.That(flaky.Attempts, Is.EqualTo(3));
    }

    [Test]
    public void Read_RetriesSwitchedOff_IsSentOnce()
    {
        var flaky = new FlakyHandler(failures: 1);
        var client = ClientFor(Team.Token(TeamRole.Owner), b => b.AddHttpMessageHandler(() => flaky), o => o.MaxRetryAttempts = 0);

        Assert.ThrowsAsync<OwlmetryApiException>(() => client.ListProjectsAsync());

        Assert.That(flaky.Attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task StatusChange_TransientFailure_IsNotRetried()
    {
        var issue = await Team.SeedIssueAsync();
        var flaky = new FlakyHandler(failures: 1);
        var client = ClientFor(Team.Token(TeamRole.Owner), b => b.AddHttpMessageHandler(() => flaky));

        var refused = Assert.ThrowsAsync<OwlmetryApiException>(() => client.UpdateIssueStatusAsync(Team.Project.Id, issue.Id, "silenced"));

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(flaky.Attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task Ingest_EveryEventWithAClientEventId_IsRetried()
    {
        var flaky = new FlakyHandler(failures: 1);
        var sdk = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite), b => b.AddHttpMessageHandler(() => flaky));

        var ingested = await sdk.IngestAsync(new IngestRequest([Event(Guid.NewGuid().ToString()), Event(Guid.NewGuid().ToString())]));

        Assert.That(ingested.Accepted, Is.EqualTo(2));
        Assert.That(flaky.Attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task Ingest_AnEventWithoutClientEventId_IsNotRetried()
    {
        var flaky = new FlakyHandler(failures: 1);
        var sdk = ClientFor(await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite), b => b.AddHttpMessageHandler(() => flaky));

        Assert.ThrowsAsync<OwlmetryApiException>(() => sdk.IngestAsync(new IngestRequest([Event(Guid.NewGuid().ToString()), Event(null)])));

        Assert.That(flaky.Attempts, Is.EqualTo(1));
    }

    private static IngestEventRequest Event(string? clientEventId) => new()
    {
        Message = "Boom", Level = "error", SessionId = Guid.NewGuid().ToString(), ClientEventId = clientEventId,
    };

    /// <summary>Answers 503 with a problem body for the first <c>failures</c> requests, then passes them on.</summary>
    private sealed class FlakyHandler(int failures) : DelegatingHandler
    {
        public int Attempts { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Attempts++;
            return Attempts <= failures
                ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                {
                    Content = new StringContent("""{"error": "Try again"}""", System.Text.Encoding.UTF8, "application/problem+json"),
                })
                : base.SendAsync(request, cancellationToken);
        }
    }
}
