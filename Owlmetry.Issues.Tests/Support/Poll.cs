using System.Diagnostics;

namespace Owlmetry.Issues.Tests.Support;

internal static class Poll
{
    /// <summary>Checks <paramref name="condition"/> every few milliseconds until it holds; a timeout fails with <paramref name="what"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > timeout)
            {
                Assert.Fail($"Waited {timeout.TotalSeconds:0} s in vain for {what}.");
            }

            await Task.Delay(10);
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what);
}
