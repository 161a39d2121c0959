using Carter;
using Owlmetry.Issues.Host.Contracts;
using Owlmetry.Issues.Host.Endpoints;

namespace Owlmetry.Issues.Host.Modules;

public sealed class WebhooksModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/v1/teams/{teamId:guid}/webhooks").WithTags("Webhooks").RequireAuthorization(OwlmetryApi.PolicyName)
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        webhooks.MapPost("", WebhookEndpoints.CreateWebhook).WithName("CreateWebhook")
            .Produces<CreatedWebhookResponse>(StatusCodes.Status201Created).ProducesProblem(400);
        webhooks.MapGet("", WebhookEndpoints.ListWebhooks).WithName("ListWebhooks").Produces<WebhookListResponse>();
        webhooks.MapDelete("{webhookId:guid}", WebhookEndpoints.DeleteWebhook).WithName("DeleteWebhook").Produces<DeletedResponse>();
        webhooks.MapGet("{webhookId:guid}/deliveries", WebhookEndpoints.ListDeliveries).WithName("ListWebhookDeliveries")
            .Produces<WebhookDeliveryListResponse>();
    }
}
