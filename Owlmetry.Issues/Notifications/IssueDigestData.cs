namespace Owlmetry.Issues.Notifications;

/// <summary>The <c>data</c> of an <c>issue.digest</c> notification.</summary>
/// <param name="ProjectId">The project digested.</param>
/// <param name="Issues">Its issues, most recently active first.</param>
public sealed record IssueDigestData(Guid ProjectId, IReadOnlyList<DigestIssue> Issues);
