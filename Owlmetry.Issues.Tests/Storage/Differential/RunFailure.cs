namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>Where a sequence first went wrong: the 1-based step, and what differed or broke there.</summary>
internal sealed record RunFailure(int Step, string Reason);
