namespace Owlmetry.Issues.Host.Contracts;

public sealed record TriggerJobRequest(string? JobType);
