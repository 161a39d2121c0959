using Owlmetry.Issues.Access;

namespace Owlmetry.Issues.Merging;

/// <summary>A merge of one issue into another of the same project, by an actor, at a time.</summary>
internal sealed record MergeRequest(Guid ProjectId, Guid TargetIssueId, Guid SourceIssueId, Actor Actor, DateTimeOffset Now);
