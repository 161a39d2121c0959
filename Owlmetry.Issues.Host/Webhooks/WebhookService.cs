using Microsoft.Extensions.Options;
using Owlmetry.Issues.Access;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.Notifications;
using Owlmetry.Issues.Time;

namespace Owlmetry.Issues.Host.Webhooks;

/// <summary>
/// The rules of the webhook endpoints (CONTRACT §9): owners and admins, or keys with <c>projects:write</c>, manage a
/// team's webhooks; members, or keys with <c>projects:read</c>, read them, each URL shown to them only as far as its host
/// (<see cref="RedactedWebhookUrl"/>). Another team's webhook is not found.
/// </summary>
public sealed class WebhookService(IWebhookStore store, WebhookUrlPolicy urls, TimeProvider timeProvider, IOptions<WebhookOptions> options)
{
    public const int MaxSecretLength = 256;
    public const int DefaultDeliveryLimit = 50;
    private const int MaxDeliveryLimit = 200;
    private static readonly IssueError s_webhookNotFound = IssueError.NotFound("Webhook not found");

    public async Task<IssueResult<(Webhook Webhook, string Secret)>> CreateAsync(Actor actor, Guid teamId, CreateWebhookRequest? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (TeamAccess.RequireAdmin(actor, teamId, ApiKeyPermissions.ProjectsWrite) is { } refusal)
        {
            return refusal;
        }

        var url = await urls.ValidateAsync(body?.Url, ct);
        if (!url.IsSuccess)
        {
            return url.Error;
        }

        var events = body!.Events ?? [.. NotificationTypes.All];
        if (events.Count == 0 || events.Any(e => !NotificationTypes.All.Contains(e)))
        {
            return IssueError.Invalid($"Invalid events; valid values: {string.Join(", ", NotificationTypes.All)}");
        }

        if (body.Secret is { Length: 0 or > MaxSecretLength })
        {
            return IssueError.Invalid($"secret must be between 1 and {MaxSecretLength} characters");
        }

        // Checked before the insert: creates racing past the bound add at most one webhook each.
        var maxPerTeam = options.Value.MaxPerTeam;
        if ((await store.ListWebhooksAsync(teamId, ct)).Count >= maxPerTeam)
        {
            return IssueError.Conflict($"A team has at most {maxPerTeam} webhooks; delete one to add another");
        }

        var secret = body.Secret ?? WebhookSignature.NewSecret();
        var now = timeProvider.GetUtcNowMilliseconds();
        var webhook = new Webhook(TimeOrderedIds.New(now), teamId, url.Value.OriginalString, secret, [.. events.Distinct()], now);
        await store.AddWebhookAsync(webhook, ct);
        return (webhook, secret);
    }

    public async Task<IssueResult<IReadOnlyList<Webhook>>> ListAsync(Actor actor, Guid teamId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (TeamAccess.RequireMember(actor, teamId, ApiKeyPermissions.ProjectsRead) is { } refusal)
        {
            return refusal;
        }

        var webhooks = await store.ListWebhooksAsync(teamId, ct);
        return TeamAccess.RequireAdmin(actor, teamId, ApiKeyPermissions.ProjectsWrite) is null
            ? IssueResult<IReadOnlyList<Webhook>>.Success(webhooks)
            : webhooks.Select(w => w with { Url = RedactedWebhookUrl.Of(w.Url) }).ToList();
    }

    public async Task<IssueResult<bool>> DeleteAsync(Actor actor, Guid teamId, Guid webhookId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (TeamAccess.RequireAdmin(actor, teamId, ApiKeyPermissions.ProjectsWrite) is { } refusal)
        {
            return refusal;
        }

        if (await FindAsync(teamId, webhookId, ct) is null)
        {
            return s_webhookNotFound;
        }

        await store.DeleteWebhookAsync(webhookId, ct);
        return true;
    }

    public async Task<IssueResult<IReadOnlyList<WebhookDelivery>>> ListDeliveriesAsync(Actor actor, Guid teamId, Guid webhookId, int? limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (TeamAccess.RequireMember(actor, teamId, ApiKeyPermissions.ProjectsRead) is { } refusal)
        {
            return refusal;
        }

        return await FindAsync(teamId, webhookId, ct) is null
            ? s_webhookNotFound
            : IssueResult<IReadOnlyList<WebhookDelivery>>.Success(
                await store.ListDeliveriesAsync(webhookId, Math.Clamp(limit ?? DefaultDeliveryLimit, 1, MaxDeliveryLimit), ct));
    }

    private async Task<Webhook?> FindAsync(Guid teamId, Guid webhookId, CancellationToken ct) =>
        await store.FindWebhookAsync(webhookId, ct) is { } webhook && webhook.TeamId == teamId ? webhook : null;
}
