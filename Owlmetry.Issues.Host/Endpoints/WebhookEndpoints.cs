using Microsoft.AspNetCore.Http.HttpResults;
using Owlmetry.Issues.AspNetCore.Auth;
using Owlmetry.Issues.AspNetCore.Contracts;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Contracts;
using Owlmetry.Issues.Host.Webhooks;

namespace Owlmetry.Issues.Host.Endpoints;

public static class WebhookEndpoints
{
    public static async Task<Results<Created<CreatedWebhookResponse>, ProblemHttpResult>> CreateWebhook(Guid teamId, CreateWebhookRequest? body, CurrentActor caller, WebhookService webhooks, CancellationToken ct) =>
        (await webhooks.CreateAsync(caller.Actor, teamId, body, ct)).ToCreated(
            created => $"/v1/teams/{teamId}/webhooks/{created.Webhook.Id}",
            created => new CreatedWebhookResponse(created.Webhook.ToResponse(), created.Secret));

    public static async Task<Results<Ok<WebhookListResponse>, ProblemHttpResult>> ListWebhooks(Guid teamId, CurrentActor caller, WebhookService webhooks, CancellationToken ct) =>
        (await webhooks.ListAsync(caller.Actor, teamId, ct)).ToHttp(list => new WebhookListResponse(list.Select(DirectoryContracts.ToResponse).ToList()));

    public static async Task<Results<Ok<DeletedResponse>, ProblemHttpResult>> DeleteWebhook(Guid teamId, Guid webhookId, CurrentActor caller, WebhookService webhooks, CancellationToken ct) =>
        (await webhooks.DeleteAsync(caller.Actor, teamId, webhookId, ct)).ToHttp(_ => new DeletedResponse(true));

    public static async Task<Results<Ok<WebhookDeliveryListResponse>, ProblemHttpResult>> ListDeliveries(
        Guid teamId, Guid webhookId, string? limit, CurrentActor caller, WebhookService webhooks, CancellationToken ct) =>
        (await webhooks.ListDeliveriesAsync(caller.Actor, teamId, webhookId, QueryValues.ParseLimit(limit), ct))
            .ToHttp(list => new WebhookDeliveryListResponse(list.Select(DirectoryContracts.ToResponse).ToList()));
}
