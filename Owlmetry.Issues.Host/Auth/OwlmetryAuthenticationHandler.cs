using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Owlmetry.Issues.AspNetCore.Http;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Host.Directory;
using Owlmetry.Issues.WebConsole;

namespace Owlmetry.Issues.Host.Auth;

/// <summary>
/// <c>Authorization: Bearer</c> with an API key (<c>owl_client_…</c>, <c>owl_agent_…</c>) or a user JWT.
/// A refused request is answered 401 with the reason as the <c>error</c> message.
/// </summary>
public sealed class OwlmetryAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDirectoryStore directory,
    UserTokenService tokens,
    TimeProvider timeProvider,
    IEnumerable<IWebConsoleSignIn> webConsole)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Owlmetry";
    private const string MissingAuthorization = "Missing authorization";
    private const string InvalidAuthorizationFormat = "Invalid authorization format";
    private const string BearerScheme = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            // The web console's session: a user token in its HttpOnly cookie (antiforgery is checked on state-changing
            // requests by the console's middleware). No credentials at all is not a failed attempt: anonymous routes
            // (health, login) pass, guarded ones challenge.
            // Only while the console is mounted (Console:Enabled), since its middleware is what checks antiforgery.
            return webConsole.Any() && Request.Cookies.TryGetValue(WebConsoleCookies.Session, out var session) && !string.IsNullOrEmpty(session)
                ? await AuthenticateUserAsync(session)
                : AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            return AuthenticateResult.Fail(InvalidAuthorizationFormat);
        }

        var token = header[7..].Trim();
        return ApiKeySecrets.LooksLikeKey(token) ? await AuthenticateKeyAsync(token) : await AuthenticateUserAsync(token);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        // RFC 9110 §15.5.2 and RFC 6750 §3: the scheme to authenticate with, and why a credential was refused. The
        // messages are this handler's own constants, so they need no quoting.
        Response.Headers.WWWAuthenticate = failure switch
        {
            null => BearerScheme,
            InvalidAuthorizationFormat => $"{BearerScheme} error=\"invalid_request\", error_description=\"{failure}\"",
            _ => $"{BearerScheme} error=\"invalid_token\", error_description=\"{failure}\"",
        };
        await ErrorResponses.WriteAsync(Context, IssueError.Unauthenticated(failure ?? MissingAuthorization));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ErrorResponses.WriteAsync(Context, IssueError.Forbidden("Forbidden"));

    private async Task<AuthenticateResult> AuthenticateKeyAsync(string secret)
    {
        var key = await directory.FindKeyBySecretHashAsync(ApiKeySecrets.Hash(secret), Context.RequestAborted);
        if (key is null || key.RevokedAt is not null || !ApiKeySecrets.Matches(secret, key.SecretHash))
        {
            return AuthenticateResult.Fail("Invalid API key");
        }

        if (key.ExpiresAt is { } expiresAt && expiresAt <= timeProvider.GetUtcNow())
        {
            return AuthenticateResult.Fail("API key expired");
        }

        var claims = new List<Claim>
        {
            new(OwlmetryClaims.Subject, key.Id.ToString()),
            new(OwlmetryClaims.Name, key.Name),
            new(OwlmetryClaims.Kind, key.KeyType == ApiKeyType.Client ? "client" : "agent"),
            new(OwlmetryClaims.Team, key.TeamId.ToString()),
        };
        if (key.AppId is { } appId)
        {
            claims.Add(new Claim(OwlmetryClaims.App, appId.ToString()));
        }

        claims.AddRange(key.Permissions.Select(p => new Claim(OwlmetryClaims.Permission, p)));
        return Success(claims);
    }

    private async Task<AuthenticateResult> AuthenticateUserAsync(string token)
    {
        var (userId, stamp) = await tokens.ValidateAsync(token);
        if (userId is not { } id)
        {
            return AuthenticateResult.Fail(UserTokenService.InvalidToken);
        }

        // A token issued before the user's password last changed (or before stamps existed) is no longer accepted.
        var user = await directory.FindUserAsync(id, Context.RequestAborted);
        if (user is null)
        {
            return AuthenticateResult.Fail(UserTokenService.InvalidToken);
        }

        return !tokens.HasCurrentStamp(stamp, user)
            ? AuthenticateResult.Fail("Token no longer valid: log in again")
            : Success([new(OwlmetryClaims.Subject, user.Id.ToString()), new(OwlmetryClaims.Name, user.Name), new(OwlmetryClaims.Kind, "user")]);
    }

    private AuthenticateResult Success(IEnumerable<Claim> claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, OwlmetryClaims.Name, null)), SchemeName));
}
