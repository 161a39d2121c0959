using Owlmetry.Issues.Domain;

namespace Owlmetry.Issues.Access;

/// <summary>
/// Who performs a call: a user (limited by team membership), an agent key (bound to one team, with an
/// explicit permission list) or a client key (bound to one app, ingest only). Hosts build it from their
/// authentication; the library makes every authorization decision from it.
/// </summary>
public sealed record Actor
{
    private Actor(ActorKind kind, Guid id, string name, IReadOnlyDictionary<Guid, TeamRole> teams, IReadOnlySet<string> permissions, Guid? appId = null)
    {
        Kind = kind;
        AppId = appId;
        Id = id;
        Name = name;
        Teams = teams;
        Permissions = permissions;
    }

    /// <summary>Whether the actor is a user, an agent key or a client key.</summary>
    public ActorKind Kind { get; }

    /// <summary>The user id or the API key id.</summary>
    public Guid Id { get; }

    /// <summary>The user's or the key's name, used as comment author name.</summary>
    public string Name { get; }

    /// <summary>The teams the actor may act in, with its role in each.</summary>
    public IReadOnlyDictionary<Guid, TeamRole> Teams { get; }

    /// <summary>The app a client key is bound to, which its events and attachments are sent for; null for users and agents.</summary>
    public Guid? AppId { get; }

    /// <summary>The permissions of a key. Users pass every permission check.</summary>
    public IReadOnlySet<string> Permissions { get; }

    /// <summary>A signed-in user and the teams they belong to.</summary>
    public static Actor User(Guid userId, string name, IReadOnlyDictionary<Guid, TeamRole> memberships) =>
        new(ActorKind.User, userId, name, memberships, new HashSet<string>());

    /// <summary>An agent API key of one team, with its permission list.</summary>
    public static Actor Agent(Guid keyId, string name, Guid teamId, IEnumerable<string> permissions) =>
        new(ActorKind.Agent, keyId, name, new Dictionary<Guid, TeamRole> { [teamId] = TeamRole.Member }, permissions.ToHashSet(StringComparer.Ordinal));

    /// <summary>A client (SDK) API key of one app in <paramref name="teamId"/>: it may only write events.</summary>
    /// <param name="keyId">The key's id.</param>
    /// <param name="name">The key's name.</param>
    /// <param name="teamId">The team of the key's app.</param>
    /// <param name="appId">The app the key sends for; without one, ingest refuses the key.</param>
    public static Actor Client(Guid keyId, string name, Guid teamId, Guid? appId = null) =>
        new(ActorKind.Client, keyId, name, new Dictionary<Guid, TeamRole> { [teamId] = TeamRole.Member }, new HashSet<string> { IssuePermissions.EventsWrite }, appId);

    /// <summary>Whether the actor holds <paramref name="permission"/>: users always do, keys when listed.</summary>
    public bool Has(string permission) => Kind == ActorKind.User || Permissions.Contains(permission);

    /// <summary>Whether the actor may see the given team's data.</summary>
    public bool IsIn(Guid teamId) => Teams.ContainsKey(teamId);

    /// <summary>Whether the actor is a user with at least the admin role in the team.</summary>
    public bool IsTeamAdmin(Guid teamId) =>
        Kind == ActorKind.User && Teams.TryGetValue(teamId, out var role) && role >= TeamRole.Admin;

    /// <summary>The comment author this actor writes as.</summary>
    public CommentAuthor AsAuthor() =>
        new(Kind == ActorKind.User ? AuthorType.User : AuthorType.Agent, Id, Name);
}
