namespace Owlmetry.Issues.Host.Bootstrap;

/// <summary>The <c>Bootstrap</c> configuration section.</summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "Bootstrap";

    /// <summary>Whether starting on an empty data directory creates the first team, owner, project, app and keys.</summary>
    public bool Enabled { get; set; } = true;
}
