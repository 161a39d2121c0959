namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>What one step did on one side: its result and the state after it, or the exception it threw.</summary>
internal sealed record StepResult(string? Outcome, StateView? After, string? Exception);
