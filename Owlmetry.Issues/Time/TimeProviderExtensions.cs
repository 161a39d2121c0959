namespace Owlmetry.Issues.Time;

/// <summary>Reads the clock at the precision the product stores: UTC milliseconds.</summary>
internal static class TimeProviderExtensions
{
    /// <summary>The current UTC time truncated to whole milliseconds, so a stored value reads back equal.</summary>
    public static DateTimeOffset GetUtcNowMilliseconds(this TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return timeProvider.GetUtcNow().TruncateToMilliseconds();
    }

    /// <summary>The same instant in UTC, with sub-millisecond ticks dropped.</summary>
    public static DateTimeOffset TruncateToMilliseconds(this DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
