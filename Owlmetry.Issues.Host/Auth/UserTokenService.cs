using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Owlmetry.Issues.Host.Directory;

namespace Owlmetry.Issues.Host.Auth;

/// <summary>
/// Issues and validates user JWTs (HS256, <c>sub</c> = user id). Each token carries the user's security stamp, a
/// keyed hash of their password hash: a changed or reset password gives a new stamp, and every token issued before
/// it stops being accepted at once, without a list of revoked tokens.
/// </summary>
public sealed class UserTokenService(IOptions<AuthOptions> options, TimeProvider timeProvider)
{
    /// <summary>Why a user token is refused, in the reference's words, whether it is malformed, forged or expired.</summary>
    public const string InvalidToken = "Invalid or expired token";

    private const string Issuer = "owlmetry";
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey _key = new(Encoding.UTF8.GetBytes(
        options.Value.JwtSecret ?? throw new InvalidOperationException("Auth:JwtSecret is not configured.")));

    /// <summary>Whether a token's stamp is the user's current one (compared in constant time).</summary>
    public bool HasCurrentStamp(string? stamp, User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return stamp is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stamp), Encoding.ASCII.GetBytes(StampOf(user)));
    }

    // Keyed with the JWT secret, so the stamp a user can read in their token says nothing about their password hash.
    private string StampOf(User user) => Base64UrlEncoder.Encode(HMACSHA256.HashData(
        _key.Key, Encoding.UTF8.GetBytes($"owlmetry-user-stamp\n{user.Id:N}\n{user.PasswordHash}")).AsSpan(0, 16).ToArray());

    public string Issue(User user)
    {
        var now = timeProvider.GetUtcNow();
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Subject = new ClaimsIdentity([new Claim(OwlmetryClaims.Subject, user.Id.ToString()), new Claim(OwlmetryClaims.Name, user.Name), new Claim(OwlmetryClaims.Stamp, StampOf(user))]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(options.Value.TokenLifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The user id and security stamp of a valid token; nulls when it is malformed, forged or expired.</summary>
    public async Task<(Guid? UserId, string? Stamp)> ValidateAsync(string token)
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
            return (null, null);
        }

        return result.Claims.TryGetValue(OwlmetryClaims.Subject, out var sub) && Guid.TryParse(sub as string, out var userId)
            ? (userId, result.Claims.TryGetValue(OwlmetryClaims.Stamp, out var stamp) ? stamp as string : null)
            : (null, null);
    }
}
