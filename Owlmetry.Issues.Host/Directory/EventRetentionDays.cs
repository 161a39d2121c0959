using Owlmetry.Issues.DependencyInjection;

namespace Owlmetry.Issues.Host.Directory;

/// <summary>The server-wide event retention as the reference's projects show it: whole days, rounded up.</summary>
public static class EventRetentionDays
{
    public static int Of(IssuesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (int)Math.Ceiling(options.EventRetention.TotalDays);
    }
}
