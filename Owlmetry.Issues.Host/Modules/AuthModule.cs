using Carter;
using Owlmetry.Issues.AspNetCore;
using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Host.Endpoints;
using Owlmetry.Issues.Host.Hosting;

namespace Owlmetry.Issues.Host.Modules;

public sealed class AuthModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/v1/auth").WithTags("Auth");
        auth.MapPost("login", AuthEndpoints.Login).WithName("Login").WithSummary("Log in with email and password").AllowAnonymous().RequireLoginRateLimiting()
            .Produces<LoginResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(429);
        auth.MapPost("password", AuthEndpoints.ChangePassword).WithName("ChangePassword").WithSummary("Change your own password")
            .WithDescription("Needs the current password; rate limited as login is. Every earlier token of the user stops working, so the answer carries a new one.")
            .RequireAuthorization(OwlmetryIssuesApiOptions.AuthorizationPolicyName).RequirePasswordCheckRateLimiting()
            .Produces<LoginResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(429);
        auth.MapGet("me", AuthEndpoints.GetCurrentUser).WithName("GetCurrentUser").WithSummary("Get the logged-in user and their teams").RequireAuthorization(OwlmetryIssuesApiOptions.AuthorizationPolicyName)
            .Produces<SessionResponse>().ProducesProblem(401).ProducesProblem(403);
        auth.MapGet("whoami", AuthEndpoints.WhoAmI).WithName("WhoAmI").WithSummary("Describe the caller").RequireAuthorization(OwlmetryIssuesApiOptions.AuthorizationPolicyName)
            .WithDescription("The caller: a user with their teams, or an API key with its type, permissions, team and app.")
            .Produces<WhoAmIResponse>().ProducesProblem(401);
    }
}
