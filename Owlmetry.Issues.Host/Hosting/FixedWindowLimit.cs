using System.Threading.RateLimiting;

namespace Owlmetry.Issues.Host.Hosting;

/// <summary>At most <see cref="PermitLimit"/> requests per <see cref="Window"/> and partition, or none when switched off.</summary>
internal sealed record FixedWindowLimit(bool Enabled, int PermitLimit, TimeSpan Window)
{
    /// <summary>Reads <c>Enabled</c>, <c>PermitLimit</c> and <c>Window</c> from <paramref name="section"/>, with the given defaults.</summary>
    public static FixedWindowLimit FromConfiguration(IConfigurationSection section, int permitLimit, TimeSpan window)
    {
        var limit = new FixedWindowLimit(
            section.GetValue("Enabled", true), Math.Max(1, section.GetValue("PermitLimit", permitLimit)), section.GetValue("Window", window));
        return limit.Window > TimeSpan.Zero ? limit : throw new InvalidOperationException($"{section.Path}:Window must be positive.");
    }

    public RateLimitPartition<string> Partition(string key) => Enabled
        ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PermitLimit,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        })
        : RateLimitPartition.GetNoLimiter("off");
}
