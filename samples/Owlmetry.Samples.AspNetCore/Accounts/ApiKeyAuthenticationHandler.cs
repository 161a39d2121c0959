using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Owlmetry.Samples.AspNetCore.Accounts;

// The shop's own authentication: a user's API key in the X-Api-Key header. The principal carries the user's id; what
// the user may do is looked up from it (the shop's routes read their tenant, ShopActorResolver their role).
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ShopAccounts accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ShopApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var key) || string.IsNullOrEmpty(key))
        {
            return Task.FromResult(AuthenticateResult.NoResult());   // answered 401 where a route requires a user
        }

        if (accounts.FindByApiKey(key.ToString()) is not { } user)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key"));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Name, user.Name)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    // A missing or unknown key is answered 401 with a problem body, like the Issues API's other errors.
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{HeaderName}\"";
        await Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Title = "Unauthorized", Detail = $"Send your API key in the {HeaderName} header" },
        });
    }
}
