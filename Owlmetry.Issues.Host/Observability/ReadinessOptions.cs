namespace Owlmetry.Issues.Host.Observability;

/// <summary>What <c>/health/ready</c> accepts, bound from the <c>Health</c> section.</summary>
public sealed class ReadinessOptions
{
    public const string SectionName = "Health";

    /// <summary>The oldest an unscanned error event may be while the server still calls itself ready.</summary>
    public TimeSpan MaxScanLag { get; set; } = TimeSpan.FromMinutes(5);
}
