namespace Owlmetry.Issues.Tests.Storage.Differential;

/// <summary>A comment a side created, with where it was written: edits and deletes name it by its place in creation order.</summary>
internal sealed record RegisteredComment(Guid Id, Guid ProjectId, Guid IssueId);
