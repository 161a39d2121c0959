namespace Owlmetry.Issues.Contracts;

/// <summary>A job run, wrapped as the reference answers it.</summary>
/// <param name="JobRun">The run.</param>
public sealed record JobRunEnvelope(JobRunResponse JobRun);
