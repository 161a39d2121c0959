namespace Owlmetry.Issues.Tests.Support;

/// <summary>Times at millisecond precision, the precision every store keeps.</summary>
internal static class TestTimes
{
    public static readonly DateTimeOffset Base = new(2024, 1, 15, 14, 30, 0, 123, TimeSpan.Zero);

    /// <summary>
    /// Where the worlds' fake clocks start: hours before <see cref="Base"/>, the builders' default stamps, so that a
    /// time the code under test writes from the clock never equals a builder's default by chance and a missing write
    /// shows.
    /// </summary>
    public static readonly DateTimeOffset ClockStart = new(2024, 1, 15, 10, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int milliseconds) => Base.AddMilliseconds(milliseconds);
}
