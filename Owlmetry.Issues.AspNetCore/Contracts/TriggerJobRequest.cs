namespace Owlmetry.Issues.AspNetCore.Contracts;

public sealed record TriggerJobRequest(string? JobType);
