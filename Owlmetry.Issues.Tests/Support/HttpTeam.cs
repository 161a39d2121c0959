using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Client;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Host.Auth;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Storage;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Tests.Support;

/// <summary>
/// A team written straight into the server's directory: a project with an app, users of every role with
/// tokens, and API keys of every kind with their secrets.
/// </summary>
internal sealed class HttpTeam
{
    private readonly OwlmetryServerFactory _factory;

    private HttpTeam(OwlmetryServerFactory factory, Team team, Project project, App app)
    {
        _factory = factory;
        Team = team;
        Project = project;
        App = app;
    }

    public Team Team { get; }

    public Project Project { get; }

    public App App { get; }

    public Dictionary<TeamRole, (User User, string Token)> Users { get; } = [];

    public static async Task<HttpTeam> CreateAsync(OwlmetryServerFactory factory, string name = "Team A")
    {
        var now = factory.Clock.GetUtcNowMilliseconds();
        var store = factory.Directory;
        var slug = $"{name.ToLowerInvariant().Replace(' ', '-')}-{Guid.NewGuid():N}";
        var hasher = factory.Services.GetRequiredService<IPasswordHasher<User>>();
        var owner = await NewUserAsync(store, hasher, $"owner-{slug}@example.com", $"{name} Owner", now);
        var team = new Team(Guid.NewGuid(), name, slug, now);
        await store.AddTeamAsync(team, new Membership(team.Id, owner.Id, TeamRole.Owner, now));
        var project = new Project(Guid.NewGuid(), team.Id, $"{name} Project", $"{slug}-project", null, now);
        await store.SaveProjectAsync(project);
        var app = new App(Guid.NewGuid(), project.Id, $"{name} App", "backend", null, now);
        await store.AddAppAsync(app);

        var result = new HttpTeam(factory, team, project, app);
        var tokens = factory.Services.GetRequiredService<UserTokenService>();
        result.Users[TeamRole.Owner] = (owner, tokens.Issue(owner));
        foreach (var role in new[] { TeamRole.Admin, TeamRole.Member })
        {
            var user = await NewUserAsync(store, hasher, $"{role}-{slug}@example.com".ToLowerInvariant(), $"{name} {role}", now);
            await store.AddMembershipAsync(new Membership(team.Id, user.Id, role, now));
            result.Users[role] = (user, tokens.Issue(user));
        }

        return result;
    }

    public string Token(TeamRole role) => Users[role].Token;

    /// <summary>The same team on a server restarted over the same data directory (same JWT secret file).</summary>
    public static HttpTeam Reattach(OwlmetryServerFactory factory, HttpTeam team)
    {
        var reattached = new HttpTeam(factory, team.Team, team.Project, team.App);
        foreach (var (role, user) in team.Users)
        {
            reattached.Users[role] = user;
        }

        return reattached;
    }

    /// <summary>Another user of <paramref name="role"/> in the team, written straight into the directory; their id.</summary>
    public async Task<Guid> AddUserAsync(TeamRole role)
    {
        var now = _factory.Clock.GetUtcNowMilliseconds();
        var hasher = _factory.Services.GetRequiredService<IPasswordHasher<User>>();
        var user = await NewUserAsync(_factory.Directory, hasher, $"{role}-{Guid.NewGuid():N}@example.com".ToLowerInvariant(), $"Another {role}", now);
        await _factory.Directory.AddMembershipAsync(new Membership(Team.Id, user.Id, role, now));
        return user.Id;
    }

    /// <summary>The user's role in the team as the directory holds it; null when they are not a member.</summary>
    public async Task<TeamRole?> RoleOfAsync(Guid userId) =>
        (await _factory.Directory.ListMembershipsOfUserAsync(userId)).FirstOrDefault(m => m.TeamId == Team.Id)?.Role;

    public Task<string> CreateKeyAsync(ApiKeyType type, params string[] permissions) =>
        CreateKeyAsync(type, type == ApiKeyType.Client ? App.Id : null, permissions);

    public async Task<string> CreateKeyAsync(ApiKeyType type, Guid? appId, params string[] permissions)
    {
        var secret = ApiKeySecrets.Generate(type);
        var key = new ApiKey(
            Guid.NewGuid(), $"{type} key", type, ApiKeySecrets.Hash(secret), Team.Id,
            appId, permissions, null, _factory.Clock.GetUtcNowMilliseconds(), null);
        await _factory.Directory.SaveKeyAsync(key);
        return secret;
    }

    public Task<Issue> SeedIssueAsync(string title = "Connection refused", Action<IssueSeedOptions>? configure = null)
    {
        var options = new IssueSeedOptions();
        configure?.Invoke(options);
        var now = _factory.Clock.GetUtcNowMilliseconds();
        var issue = new Issue
        {
            Id = Guid.NewGuid(), ProjectId = Project.Id, AppId = App.Id, Title = title, Status = options.Status,
            ResolvedAtVersion = options.ResolvedAtVersion, IsDev = options.IsDev,
            FirstSeenAt = now, LastSeenAt = now, CreatedAt = now, UpdatedAt = now, Fingerprints = [Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title)))],
        };
        var occurrences = Enumerable.Range(0, options.Occurrences).Select(i => new IssueOccurrence
        {
            Id = Guid.NewGuid(), IssueId = issue.Id, SessionId = Guid.NewGuid(), UserId = $"user-{i}", EventId = Guid.NewGuid(),
            AppVersion = "1.0.0", SdkVersion = "0.1.0", Timestamp = now.AddSeconds(-i), CreatedAt = now,
        }).ToList();
        return _factory.IssueStore.SeedIssueAsync(issue, occurrences);
    }

    /// <summary>The typed client on this team's server for <paramref name="bearer"/>, for the tests whose subject is not the wire.</summary>
    public OwlmetryIssuesClient ApiClientWith(string? bearer) => _factory.CreateApiClient(bearer);

    /// <summary>A raw <see cref="HttpClient"/> on this team's server for <paramref name="bearer"/>, for the tests whose subject is the wire.</summary>
    public HttpClient ClientWith(string? bearer)
    {
        var client = _factory.CreateClient();
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    private static async Task<User> NewUserAsync(IDirectoryStore store, IPasswordHasher<User> hasher, string email, string name, DateTimeOffset now)
    {
        var user = new User(Guid.NewGuid(), email, name, string.Empty, now);
        user = user with { PasswordHash = hasher.HashPassword(user, "correct horse battery staple") };
        await store.AddUserAsync(user);
        return user;
    }
}

internal sealed class IssueSeedOptions
{
    public IssueStatus Status { get; set; } = IssueStatus.New;

    public string? ResolvedAtVersion { get; set; }

    public bool IsDev { get; set; }

    public int Occurrences { get; set; } = 1;
}
