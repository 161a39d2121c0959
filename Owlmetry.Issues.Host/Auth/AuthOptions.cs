namespace Owlmetry.Issues.Host.Auth;

/// <summary>User token settings (<c>Auth</c> configuration section).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The HS256 signing secret; generated and kept in the data directory when not configured.</summary>
    public string? JwtSecret { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(30);
}
