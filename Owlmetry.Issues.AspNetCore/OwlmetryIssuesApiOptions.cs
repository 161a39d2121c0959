using Owlmetry.Issues.AspNetCore.Auth;

namespace Owlmetry.Issues.Host;

public sealed class OwlmetryApiOptions
{
    /// <summary>The authentication scheme that guards the API; an embedding application may name its own.</summary>
    public string AuthenticationScheme { get; set; } = OwlmetryAuthenticationHandler.SchemeName;
}
