using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.RequestDecompression;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Fuzzing;

/// <summary>
/// One server for the whole run with two seeded teams: the fuzzed team owns an issue with a comment, an uploaded
/// attachment, a finished scan and a key to revoke, so that requests with valid ids get past auth and lookups.
/// </summary>
internal sealed class FuzzWorld : IDisposable
{
    private static readonly Dictionary<string, string?> s_settings = new()
    {
        // Limits would turn most requests into 429s after a while: the parsers behind them are what is fuzzed.
        ["Ingest:RateLimit:Enabled"] = "false",
        ["Auth:LoginRateLimit:Enabled"] = "false",
        ["Attachments:DownloadRateLimit:Enabled"] = "false",
    };

    private FuzzWorld(OwlmetryServerFactory factory, HttpTeam team, HttpTeam otherTeam)
    {
        Factory = factory;
        Team = team;
        OtherTeam = otherTeam;
    }

    public OwlmetryServerFactory Factory { get; }

    public HttpTeam Team { get; }

    public HttpTeam OtherTeam { get; }

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The seeded team's id for each route parameter name; a parameter not listed gets generated ids only.</summary>
    public Dictionary<string, Guid> Ids { get; } = [];

    /// <summary>The other team's ids: a caller of the fuzzed team must never reach them.</summary>
    public Dictionary<string, Guid> OtherTeamIds { get; } = [];

    public List<FuzzCredential> Credentials { get; } = [];

    public IReadOnlyList<FuzzRoute> Routes { get; private set; } = [];

    public IReadOnlyList<string> Encodings { get; private set; } = [];

    public static async Task<FuzzWorld> CreateAsync()
    {
        var factory = new OwlmetryServerFactory(s_settings);
        var world = new FuzzWorld(factory, await HttpTeam.CreateAsync(factory), await HttpTeam.CreateAsync(factory, "Team B"));
        world.Client = factory.CreateClient();
        world.Routes = FuzzRoute.Discover(factory.Services.GetRequiredService<EndpointDataSource>());
        world.Encodings = [.. factory.Services.GetRequiredService<IOptions<RequestDecompressionOptions>>().Value.DecompressionProviders.Keys.Order(StringComparer.Ordinal)];
        await world.SeedAsync();
        return world;
    }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }

    private async Task SeedAsync()
    {
        var owner = Team.Token(TeamRole.Owner);
        var agent = await Team.CreateKeyAsync(ApiKeyType.Agent, [.. ApiKeyPermissions.All]);
        var client = await Team.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite);
        var issue = await Team.SeedIssueAsync();
        await Team.SeedIssueAsync("Timeout");
        var otherIssue = await OtherTeam.SeedIssueAsync();
        var keysBefore = (await Factory.Directory.ListKeysAsync([Team.Team.Id])).Select(k => k.Id).ToHashSet();
        await Team.CreateKeyAsync(ApiKeyType.Agent, ApiKeyPermissions.IssuesRead);
        var revocable = (await Factory.Directory.ListKeysAsync([Team.Team.Id])).Single(k => !keysBefore.Contains(k.Id));

        var eventIds = await IngestOneErrorEachAsync(client, await OtherTeam.CreateKeyAsync(ApiKeyType.Client, IssuePermissions.EventsWrite));
        var ownerClient = Factory.CreateApiClient(owner);
        var comment = await ownerClient.AddCommentAsync(Team.Project.Id, issue.Id, "note");
        var run = await ownerClient.TriggerScanAsync(Team.Team.Id);
        var attachment = await Factory.CreateApiClient(client).AddAttachmentAsync("at Checkout.Pay() line 42");

        Ids["teamId"] = Team.Team.Id;
        Ids["projectId"] = Team.Project.Id;
        Ids["appId"] = Team.App.Id;
        Ids["issueId"] = issue.Id;
        Ids["commentId"] = comment.Id;
        Ids["runId"] = run.Id;
        Ids["attachmentId"] = attachment;
        Ids["keyId"] = revocable.Id;
        Ids["eventId"] = eventIds[Team.Project.Id];
        OtherTeamIds["teamId"] = OtherTeam.Team.Id;
        OtherTeamIds["projectId"] = OtherTeam.Project.Id;
        OtherTeamIds["appId"] = OtherTeam.App.Id;
        OtherTeamIds["issueId"] = otherIssue.Id;
        OtherTeamIds["eventId"] = eventIds[OtherTeam.Project.Id];

        Credentials.AddRange(
        [
            new("owner token", $"Bearer {owner}"),
            new("member token", $"Bearer {Team.Token(TeamRole.Member)}"),
            new("agent key (every permission)", $"Bearer {agent}"),
            new("client key", $"Bearer {client}"),
            new("other team's owner token", $"Bearer {OtherTeam.Token(TeamRole.Owner)}"),
            new("no credentials", null),
            new("unknown agent key", $"Bearer owl_agent_{new string('0', 48)}"),
            new("malformed token", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0."),
            new("basic scheme", $"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("admin@localhost:x"))}"),
        ]);
    }

    /// <summary>Has each team's SDK send one error event; returns the stored event id of each project.</summary>
    private async Task<Dictionary<Guid, Guid>> IngestOneErrorEachAsync(string clientKey, string otherClientKey)
    {
        foreach (var (team, key) in new[] { (Team, clientKey), (OtherTeam, otherClientKey) })
        {
            await Factory.CreateApiClient(key).IngestErrorsAsync("Seeded");
        }

        var events = await Factory.IssueStore.ReadAsync(r => r.ListEventsAfterAsync(0, 10));
        return events.ToDictionary(e => e.ProjectId, e => e.Id);
    }
}
