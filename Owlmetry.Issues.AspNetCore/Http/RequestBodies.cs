using Owlmetry.Issues.Contracts;
using Owlmetry.Issues.Domain;
using Owlmetry.Issues.Errors;
using Owlmetry.Issues.Querying;

namespace Owlmetry.Issues.AspNetCore.Http;

/// <summary>The checks of request bodies that the library's typed parameters cannot express: text to enum or id.</summary>
internal static class RequestBodies
{
    public static IssueResult<IssueStatus> ParseStatus(UpdateIssueRequest? body) =>
        string.IsNullOrEmpty(body?.Status) ? IssueError.Invalid("status is required")
        : WireNames.TryParse<IssueStatus>(body.Status, out var target) ? target
        : IssueError.Invalid($"Invalid status. Must be one of: {string.Join(", ", WireNames.All<IssueStatus>())}");

    public static IssueResult<Guid> ParseMergeSource(MergeIssueRequest? body) =>
        string.IsNullOrEmpty(body?.SourceIssueId) ? IssueError.Invalid("source_issue_id is required")
        : Guid.TryParse(body.SourceIssueId, out var sourceId) ? sourceId
        : IssueError.Invalid("source_issue_id must be a UUID");

    /// <summary>A claim's requested length from its <c>duration_seconds</c>; null asks for the default.</summary>
    public static TimeSpan? ClaimDuration(int? seconds) => seconds is { } value ? TimeSpan.FromSeconds(value) : null;

    /// <summary>The claim's filter, checked as the issue list's query string is, so that bad values get the same messages.</summary>
    public static IssueResult<IssueQuery> ParseClaimFilter(ClaimIssueRequest? body) =>
        QueryParser.ParseIssueQuery(new IssueListParameters { Status = body?.Status, AppId = body?.AppId, DataMode = body?.DataMode, Sort = body?.Sort });
}
