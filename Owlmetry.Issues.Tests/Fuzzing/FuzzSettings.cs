namespace Owlmetry.Issues.Tests.Fuzzing;

/// <summary>CI runs a fixed seed and a bounded number of cases; the environment replays another seed or runs longer.</summary>
internal static class FuzzSettings
{
    public const string SeedVariable = "OWLMETRY_FUZZ_SEED";

    public const string CasesVariable = "OWLMETRY_FUZZ_CASES";

    private const ulong CiSeed = 20_261_203;

    private const int CiCases = 2_000;

    public static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out var seed) ? seed : CiSeed;

    public static int Cases => int.TryParse(Environment.GetEnvironmentVariable(CasesVariable), out var cases) && cases > 0 ? cases : CiCases;
}
