using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Owlmetry.Issues.Tests.Support;

namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>
/// Random sequences of ingest, scan, merge, status changes, comments and clock moves, run on the in-memory store
/// (the reference) and on each other provider, must leave both with the same observable state after every step.
/// </summary>
/// <remarks>
/// Seeds are fixed unless <c>OWLMETRY_DIFF_SEED</c> names the first one; <c>OWLMETRY_DIFF_RUNS</c> sets how many
/// consecutive seeds run. A failure names the seed to replay alone with <c>OWLMETRY_DIFF_RUNS=1</c>.
/// </remarks>
[TestFixture]
public sealed class ProviderDifferentialTests
{
    private const int DefaultFirstSeed = 20_261_203;
    private const int DefaultRuns = 4;
    private const int StepsPerRun = 40;

    [Test]
    public Task RandomCommandSequences_LeaveTheSameObservableStateOnInMemoryAndLiteDb() => RunSeedsAsync(ProviderSide.LiteDb);

    [Test]
    public async Task RandomCommandSequences_LeaveTheSameObservableStateOnInMemoryAndPostgreSql()
    {
        await PostgreSqlTestServer.EnsureStartedAsync();
        await RunSeedsAsync(ProviderSide.PostgreSql);
    }

    private static async Task RunSeedsAsync(Func<FakeTimeProvider, ProviderSide> candidateOn)
    {
        var firstSeed = FromEnvironment("OWLMETRY_DIFF_SEED") ?? DefaultFirstSeed;
        var runs = FromEnvironment("OWLMETRY_DIFF_RUNS") ?? DefaultRuns;
        TestContext.Out.WriteLine($"seeds {firstSeed}..{firstSeed + runs - 1}, {StepsPerRun} steps each");
        for (var seed = firstSeed; seed < firstSeed + runs; seed++)
        {
            var commands = new CommandGenerator(seed).Generate(StepsPerRun);
            if (await DifferentialRun.RunAsync(commands, candidateOn) is { } failure)
            {
                var (shrunk, shrunkFailure) = await SequenceShrinker.ShrinkAsync(commands, failure, candidateOn);
                Assert.Fail(Report(seed, failure, shrunk, shrunkFailure));
            }
        }
    }

    private static int? FromEnvironment(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    private static string Report(int seed, RunFailure failure, IReadOnlyList<WorldCommand> shrunk, RunFailure shrunkFailure)
    {
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Seed {seed} failed at step {failure.Step} of {StepsPerRun}; replay with OWLMETRY_DIFF_SEED={seed} OWLMETRY_DIFF_RUNS=1.")
            .AppendLine(CultureInfo.InvariantCulture, $"Shrunk to {shrunk.Count} steps, failing at step {shrunkFailure.Step} on {shrunkFailure.Reason}")
            .AppendLine("Shrunk sequence:");
        for (var i = 0; i < shrunk.Count; i++)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {i + 1}. {shrunk[i]}");
        }

        return report
            .AppendLine(CultureInfo.InvariantCulture, $"Unshrunk, step {failure.Step} failed on {failure.Reason}")
            .ToString();
    }
}
