using System.Net;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Http;

/// <summary>The anonymous signed download is limited per client address; the signature alone does not bound it.</summary>
public sealed class DownloadRateLimitTests
{
    [Test]
    public async Task Download_OverTheLimitFromOneAddress_Is429EvenWithAValidLink()
    {
        using var factory = new OwlmetryServerFactory(new Dictionary<string, string?>
        {
            ["Attachments:DownloadRateLimit:PermitLimit"] = "3",
            ["Attachments:DownloadRateLimit:Window"] = "01:00:00",
        });
        var url = await DownloadUrlAsync(factory);

        var allowed = await DownloadStatusesAsync(factory, url, times: 3);
        var refused = await factory.GetAsync("10.0.0.1", url);
        var fromElsewhere = await factory.GetAsync("10.0.0.2", url);

        Assert.That(allowed, Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(refused.RetryAfter, Is.Not.Empty);
        Assert.That(refused.Error, Is.EqualTo("Rate limit exceeded"));
        Assert.That(fromElsewhere.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(fromElsewhere.Body, Is.EqualTo("the log's text"));
    }

    [Test]
    public async Task Download_LimitDisabled_NeverRefuses()
    {
        using var factory = new OwlmetryServerFactory(new Dictionary<string, string?>
        {
            ["Attachments:DownloadRateLimit:Enabled"] = "false",
            ["Attachments:DownloadRateLimit:PermitLimit"] = "1",
        });

        var statuses = await DownloadStatusesAsync(factory, await DownloadUrlAsync(factory), times: 3);

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK));
    }

    private static async Task<string> DownloadUrlAsync(OwlmetryServerFactory factory)
    {
        var team = await HttpTeam.CreateAsync(factory);
        var id = await factory.CreateApiClient(await team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite)).AddAttachmentAsync("the log's text");
        return await factory.CreateApiClient(team.Token(TeamRole.Owner)).GetDownloadUrlAsync(id);
    }

    private static async Task<List<HttpStatusCode>> DownloadStatusesAsync(OwlmetryServerFactory factory, string url, int times)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++)
        {
            statuses.Add((await factory.GetAsync("10.0.0.1", url)).Status);
        }

        return statuses;
    }
}
