namespace Owlmetry.Issues.Host.Auth;

/// <summary>The claims the Owlmetry authentication scheme puts on a principal.</summary>
public static class OwlmetryClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Kind = "owl_kind";
    public const string Team = "owl_team";
    public const string App = "owl_app";
    public const string Permission = "owl_perm";

    /// <summary>A user token's security stamp (see <see cref="UserTokenService"/>).</summary>
    public const string Stamp = "owl_stamp";
}
