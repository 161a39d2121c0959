namespace Owlmetry.Issues.Tests.Support;

/// <summary>Times at millisecond precision, the precision every store keeps.</summary>
internal static class TestTimes
{
    public static readonly DateTimeOffset Base = new(2024, 1, 15, 14, 30, 0, 123, TimeSpan.Zero);

    public static DateTimeOffset At(int milliseconds) => Base.AddMilliseconds(milliseconds);
}
