using Microsoft.AspNetCore.Identity;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Errors;

namespace Owlmetry.Issues.Host.Directory;

public sealed partial class DirectoryService
{
    private static readonly IssueError s_invalidCredentials = IssueError.Unauthenticated("Invalid email or password");

    public async Task<IssueResult<LoginResult>> LoginAsync(string? email, string? password, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return IssueError.Invalid("email and password are required");
        }

        if (email.Length > DirectoryInput.MaxEmailLength || password.Length > DirectoryInput.MaxPasswordLength)
        {
            return IssueError.Invalid(
                $"email must be at most {DirectoryInput.MaxEmailLength} and password at most {DirectoryInput.MaxPasswordLength} characters");
        }

        var user = await store.FindUserByEmailAsync(DirectoryInput.NormalizeEmail(email), ct);
        var verified = passwords.VerifyHashedPassword(user ?? s_nobody, user?.PasswordHash ?? _decoyHash, password);
        if (user is null || verified == PasswordVerificationResult.Failed)
        {
            return s_invalidCredentials;
        }

        return new LoginResult(tokens.Issue(user), await SessionOfAsync(user, ct));
    }

    public async Task<IssueResult<UserSession>> GetSessionAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != ActorKind.User)
        {
            return IssueError.Forbidden("Only users can access this endpoint");
        }

        var user = await store.FindUserAsync(actor.Id, ct);
        return user is null ? IssueError.NotFound("User not found") : await SessionOfAsync(user, ct);
    }

    /// <summary>The caller as whoami shows it: a user with their teams, or a key with its team and app.</summary>
    public async Task<IssueResult<CallerIdentity>> WhoAmIAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind == ActorKind.User)
        {
            var user = await store.FindUserAsync(actor.Id, ct);
            return user is null ? IssueError.NotFound("User not found") : new UserIdentity(await SessionOfAsync(user, ct));
        }

        if (await store.FindKeyAsync(actor.Id, ct) is not { } key)
        {
            return IssueError.NotFound("API key not found");
        }

        var team = await store.FindTeamAsync(key.TeamId, ct);
        var app = key.AppId is { } appId ? await store.FindAppAsync(appId, ct) : null;
        return new KeyIdentity(key, team, app);
    }

    private async Task<UserSession> SessionOfAsync(User user, CancellationToken ct)
    {
        var teams = new List<UserTeam>();
        foreach (var membership in (await store.ListMembershipsOfUserAsync(user.Id, ct)).OrderBy(m => m.CreatedAt))
        {
            if (await store.FindTeamAsync(membership.TeamId, ct) is { } team)
            {
                teams.Add(new UserTeam(team, membership.Role));
            }
        }

        return new UserSession(user, teams);
    }
}
