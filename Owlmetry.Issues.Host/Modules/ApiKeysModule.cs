using Carter;
using Owlmetry.Issues.AspNetCore;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Endpoints;

namespace Owlmetry.Issues.Host.Modules;

public sealed class ApiKeysModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/v1/auth/keys").WithTags("API keys").RequireAuthorization(OwlmetryIssuesApiOptions.AuthorizationPolicyName)
            .ProducesProblem(401).ProducesProblem(403);
        keys.MapPost("", ApiKeyEndpoints.CreateKey).WithName("CreateApiKey").WithSummary("Create an API key")
            .Produces<CreateApiKeyResponse>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        keys.MapGet("", ApiKeyEndpoints.ListKeys).WithName("ListApiKeys").WithSummary("List API keys").Produces<ApiKeyListResponse>();
        keys.MapDelete("{keyId:guid}", ApiKeyEndpoints.RevokeKey).WithName("RevokeApiKey").WithSummary("Revoke an API key")
            .Produces<DeletedResponse>().ProducesProblem(404);
    }
}
