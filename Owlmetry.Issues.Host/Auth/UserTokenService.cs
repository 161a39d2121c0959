using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Owlmetry.Issues.Host.Directory;

namespace Owlmetry.Issues.Host.Auth;

/// <summary>Issues and validates user JWTs (HS256, <c>sub</c> = user id).</summary>
public sealed class UserTokenService(IOptions<AuthOptions> options, TimeProvider timeProvider)
{
    private const string Issuer = "owlmetry";
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey _key = new(Encoding.UTF8.GetBytes(
        options.Value.JwtSecret ?? throw new InvalidOperationException("Auth:JwtSecret is not configured.")));

    public string Issue(User user)
    {
        var now = timeProvider.GetUtcNow();
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Subject = new ClaimsIdentity([new Claim(OwlmetryClaims.Subject, user.Id.ToString()), new Claim(OwlmetryClaims.Name, user.Name)]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(options.Value.TokenLifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The user id of a valid token, or the reason it is not valid.</summary>
    public async Task<(Guid? UserId, string? Error)> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidateAudience = false,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (notBefore, expires, _, _) => expires is { } e && e > timeProvider.GetUtcNow().UtcDateTime,
        });
        if (!result.IsValid)
        {
            return (null, result.Exception is SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException ? "Token expired" : "Invalid token");
        }

        return result.Claims.TryGetValue(OwlmetryClaims.Subject, out var sub) && Guid.TryParse(sub as string, out var userId)
            ? (userId, null)
            : (null, "Invalid token");
    }
}
