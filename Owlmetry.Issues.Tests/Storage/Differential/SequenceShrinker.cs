using Microsoft.Extensions.Time.Testing;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>
/// Makes a failing sequence short enough to read: cut after the failing step (the state is compared after every
/// step, so that prefix is the shortest failing one), then drop each earlier command, last to first, whenever the
/// sequence still fails without it. Handles resolve in any subsequence, so every candidate runs. One pass only:
/// each candidate is a full run on two fresh stores.
/// </summary>
internal static class SequenceShrinker
{
    public static async Task<(IReadOnlyList<WorldCommand> Commands, RunFailure Failure)> ShrinkAsync(
        IReadOnlyList<WorldCommand> commands, RunFailure failure, Func<FakeTimeProvider, ProviderSide> candidateOn)
    {
        var shortest = commands.Take(failure.Step).ToList();
        var last = failure;
        for (var i = shortest.Count - 2; i >= 0; i--)
        {
            var candidate = shortest.Where((_, index) => index != i).ToList();
            if (await DifferentialRun.RunAsync(candidate, candidateOn) is { } stillFailing)
            {
                shortest = [.. candidate.Take(stillFailing.Step)];
                last = stillFailing;
                i = Math.Min(i, shortest.Count - 1);
            }
        }

        return (shortest, last);
    }
}
