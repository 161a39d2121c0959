namespace Owlmetry.Issues.AspNetCore.Contracts;

public sealed record JobRunEnvelope(JobRunResponse JobRun);
