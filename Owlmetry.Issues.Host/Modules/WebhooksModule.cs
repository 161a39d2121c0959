using Carter;
using Owlmetry.Issues.AspNetCore;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Endpoints;

namespace Owlmetry.Issues.Host.Modules;

public sealed class WebhooksModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/v1/teams/{teamId:guid}/webhooks").WithTags("Webhooks").RequireAuthorization(OwlmetryIssuesApiOptions.AuthorizationPolicyName)
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        webhooks.MapPost("", WebhookEndpoints.CreateWebhook).WithName("CreateWebhook").WithSummary("Create a webhook")
            .Produces<CreatedWebhookResponse>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(409);
        webhooks.MapGet("", WebhookEndpoints.ListWebhooks).WithName("ListWebhooks").WithSummary("List a team's webhooks").Produces<WebhookListResponse>();
        webhooks.MapDelete("{webhookId:guid}", WebhookEndpoints.DeleteWebhook).WithName("DeleteWebhook").WithSummary("Delete a webhook").Produces<DeletedResponse>();
        webhooks.MapGet("{webhookId:guid}/deliveries", WebhookEndpoints.ListDeliveries).WithName("ListWebhookDeliveries").WithSummary("List a webhook's recent deliveries")
            .Produces<WebhookDeliveryListResponse>();
    }
}
