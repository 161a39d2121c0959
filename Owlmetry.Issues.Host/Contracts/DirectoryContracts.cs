using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.DependencyInjection;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Host.Webhooks;

namespace Owlmetry.Issues.Host.Contracts;

/// <summary>Maps directory records to their wire shapes; secrets appear only in the two "created" shapes.</summary>
public static class DirectoryContracts
{
    public static LoginResponse ToResponse(this LoginResult login) =>
        new(login.Token, login.Session.User.ToResponse(), login.Session.Teams.Select(ToResponse).ToList());

    public static SessionResponse ToResponse(this UserSession session) =>
        new(session.User.ToResponse(), session.Teams.Select(ToResponse).ToList());

    public static WhoAmIResponse ToResponse(this CallerIdentity identity) => identity switch
    {
        UserIdentity { Session: var session } => new(
            WhoAmIResponse.UserType, session.User.Id, session.User.Name, session.User.Email, session.Teams.Select(ToResponse).ToList(),
            KeyType: null, Team: null, App: null, Permissions: null),
        KeyIdentity { Key: var key } keyIdentity => new(
            WhoAmIResponse.ApiKeyType, key.Id, key.Name, Email: null, Teams: null, key.KeyType.ToWireName(),
            keyIdentity.Team is { } team ? new TeamSummaryResponse(team.Id, team.Name, team.Slug) : null,
            keyIdentity.App is { } app ? app.ToResponse(key.TeamId) : null,
            key.Permissions),
        _ => throw new ArgumentOutOfRangeException(nameof(identity), identity, "Unknown caller identity"),
    };

    public static PasswordResetResponse ToResponse(this PasswordReset reset) => new(reset.User.ToResponse(), reset.Password);

    public static UserResponse ToResponse(this User user) => new(user.Id, user.Email, user.Name);

    public static UserTeamResponse ToResponse(this UserTeam team) => new(team.Team.Id, team.Team.Name, team.Team.Slug, team.Role.ToWireName());

    public static TeamResponse ToResponse(this Team team) => new(team.Id, team.Name, team.Slug, team.CreatedAt);

    public static TeamDetailResponse ToResponse(this TeamDetail detail) =>
        new(detail.Team.Id, detail.Team.Name, detail.Team.Slug, detail.Team.CreatedAt, detail.Members.Select(ToResponse).ToList());

    public static MemberResponse ToResponse(this TeamMember member) =>
        new(member.User.Id, member.User.Id, member.User.Email, member.User.Name, member.Membership.Role.ToWireName(), member.Membership.CreatedAt);

    public static ProjectListResponse ToResponse(this IReadOnlyList<Project> projects, IssuesOptions issues) =>
        new(projects.Select(p => p.ToResponse(issues)).ToList());

    public static ProjectResponse ToResponse(this Project p, IssuesOptions issues) => new(
        p.Id, p.TeamId, p.Name, p.Slug, p.Color ?? ProjectColors.Fallback, null, EventRetentionDays.Of(issues),
        p.IssueAlertFrequency, IssueAlertFrequencies.Effective(p.IssueAlertFrequency), p.CreatedAt);

    public static ProjectDetailResponse ToResponse(this ProjectDetail detail, IssuesOptions issues)
    {
        var p = detail.Project;
        return new(
            p.Id, p.TeamId, p.Name, p.Slug, p.Color ?? ProjectColors.Fallback, null, EventRetentionDays.Of(issues),
            p.IssueAlertFrequency, IssueAlertFrequencies.Effective(p.IssueAlertFrequency), p.CreatedAt,
            detail.Apps.Select(a => a.ToResponse(p.TeamId)).ToList());
    }

    public static AppListResponse ToResponse(this IReadOnlyList<TeamApp> apps) => new(apps.Select(ToResponse).ToList());

    public static AppResponse ToResponse(this TeamApp app) => app.App.ToResponse(app.TeamId);

    public static AppResponse ToResponse(this App a, Guid teamId) => new(a.Id, teamId, a.ProjectId, a.Name, a.Platform, a.BundleId, a.CreatedAt);

    public static CreatedAppResponse ToResponse(this CreatedApp created)
    {
        var a = created.App;
        return new(a.Id, created.TeamId, a.ProjectId, a.Name, a.Platform, a.BundleId, created.ClientSecret, a.CreatedAt);
    }

    public static CreateApiKeyResponse ToResponse(this CreatedApiKey created)
    {
        var k = created.Key;
        return new(new CreatedApiKeyResponse(
            k.Id, k.Name, k.KeyType.ToWireName(), k.TeamId, k.AppId, k.Permissions, created.Secret, k.CreatedAt, k.ExpiresAt));
    }

    public static ApiKeyListResponse ToResponse(this IReadOnlyList<ApiKey> keys) => new(keys.Select(ToResponse).ToList());

    public static ApiKeyResponse ToResponse(this ApiKey k) =>
        new(k.Id, k.Name, k.KeyType.ToWireName(), k.TeamId, k.AppId, k.Permissions, k.CreatedAt, k.ExpiresAt);

    public static WebhookResponse ToResponse(this Webhook webhook) => new(webhook.Id, webhook.Url, webhook.Events, webhook.CreatedAt);

    public static WebhookDeliveryResponse ToResponse(this WebhookDelivery d) => new(
        d.Id, d.Type, d.Status.ToWireName(), d.Attempts, d.LastStatusCode, d.CreatedAt, d.DeliveredAt);
}
