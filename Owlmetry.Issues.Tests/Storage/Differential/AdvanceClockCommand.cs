namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>Moves the shared fake clock; the sides themselves do nothing.</summary>
internal sealed record AdvanceClockCommand(TimeSpan By) : WorldCommand
{
    public override TimeSpan ClockAdvance => By;

    public override Task<string> RunAsync(ProviderSide side, StateView before) => Task.FromResult("ok");

    public override string ToString() => $"advance the clock by {By}";
}
