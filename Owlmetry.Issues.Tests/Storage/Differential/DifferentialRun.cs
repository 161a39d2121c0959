using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>
/// Runs one command sequence on a fresh in-memory store (the reference) and a fresh candidate store on one shared
/// fake clock, and after each step compares the command's result and the whole observable state of the two, and
/// checks each side's invariants: a refused command must leave its side's state as it was.
/// </summary>
internal static class DifferentialRun
{
    public static readonly DateTimeOffset ClockStart = TestTimes.ClockStart;

    /// <summary>
    /// The clock moves this much before every step, so that no two writes share a time: comments, for one, are
    /// listed by creation time and then by their random ids, which differ between the sides.
    /// </summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    /// <returns>The first failure, or null when the sides agreed at every step.</returns>
    public static async Task<RunFailure?> RunAsync(IReadOnlyList<WorldCommand> commands, Func<FakeTimeProvider, ProviderSide> candidateOn)
    {
        var clock = new FakeTimeProvider(ClockStart);
        await using var reference = ProviderSide.InMemory(clock);
        await using var candidate = candidateOn(clock);
        var referenceState = await StateReader.ReadAsync(reference);
        var candidateState = await StateReader.ReadAsync(candidate);
        for (var step = 1; step <= commands.Count; step++)
        {
            var command = commands[step - 1];
            clock.Advance(Tick + command.ClockAdvance);
            var referenceStep = await RunStepAsync(reference, command, referenceState);
            var candidateStep = await RunStepAsync(candidate, command, candidateState);
            if (FirstProblem(reference, referenceState, referenceStep, candidate, candidateState, candidateStep) is { } problem)
            {
                return new RunFailure(step, problem);
            }

            (referenceState, candidateState) = (referenceStep.After!, candidateStep.After!);
        }

        return null;
    }

    private static async Task<StepResult> RunStepAsync(ProviderSide side, WorldCommand command, StateView before)
    {
        try
        {
            var outcome = await command.RunAsync(side, before);
            return new StepResult(outcome, await StateReader.ReadAsync(side), null);
        }
        catch (Exception e)
        {
            return new StepResult(null, null, $"{side.Name} threw {e}");
        }
    }

    private static string? FirstProblem(
        ProviderSide reference, StateView referenceBefore, StepResult referenceStep,
        ProviderSide candidate, StateView candidateBefore, StepResult candidateStep)
    {
        if (referenceStep is not { Outcome: { } referenceOutcome, After: { } referenceAfter })
        {
            return referenceStep.Exception;
        }

        if (candidateStep is not { Outcome: { } candidateOutcome, After: { } candidateAfter })
        {
            return candidateStep.Exception;
        }

        if (referenceOutcome != candidateOutcome)
        {
            return $"the command's result:\n  {reference.Name}: {referenceOutcome}\n  {candidate.Name}: {candidateOutcome}";
        }

        var violations = referenceAfter.Violations.Concat(candidateAfter.Violations).ToList();
        if (violations.Count > 0)
        {
            return $"invariants broken:\n  {string.Join("\n  ", violations)}";
        }

        if (StateText.IsRefusal(referenceOutcome))
        {
            foreach (var (side, before, after) in new[] { (reference, referenceBefore, referenceAfter), (candidate, candidateBefore, candidateAfter) })
            {
                if (StateDiff.FirstDifference("before", before.Fields, "after", after.Fields) is { } change)
                {
                    return $"the refused command changed {side.Name}'s state at {change}";
                }
            }
        }

        return StateDiff.FirstDifference(reference.Name, referenceAfter.Fields, candidate.Name, candidateAfter.Fields) is { } difference
            ? $"the states differ at {difference}"
            : null;
    }
}
