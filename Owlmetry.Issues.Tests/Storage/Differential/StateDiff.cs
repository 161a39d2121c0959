namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>The first field where two sides' states differ, worded for a failure message.</summary>
internal static class StateDiff
{
    public static string? FirstDifference(string referenceName, IReadOnlyList<StateField> reference, string candidateName, IReadOnlyList<StateField> candidate)
    {
        for (var i = 0; i < Math.Max(reference.Count, candidate.Count); i++)
        {
            var expected = i < reference.Count ? reference[i] : null;
            var actual = i < candidate.Count ? candidate[i] : null;
            if (expected == actual)
            {
                continue;
            }

            return expected is not null && actual is not null && expected.Path == actual.Path
                ? $"{expected.Path}:\n  {referenceName}: {expected.Value}\n  {candidateName}: {actual.Value}"
                : $"the states part at field {i}:\n  {referenceName}: {expected?.ToString() ?? "(no more fields)"}\n  {candidateName}: {actual?.ToString() ?? "(no more fields)"}";
        }

        return null;
    }
}
