namespace Owlmetry.Issues.Host.Contracts;

public sealed record JobRunEnvelope(JobRunResponse JobRun);
