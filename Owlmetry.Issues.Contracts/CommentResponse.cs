namespace Owlmetry.Issues.Contracts;

/// <summary>A comment as the API returns it.</summary>
/// <param name="Id">The comment id.</param>
/// <param name="IssueId">The issue id.</param>
/// <param name="AuthorType"><c>user</c> or <c>agent</c>.</param>
/// <param name="AuthorId">The user or API key id.</param>
/// <param name="AuthorName">The user's or key's name.</param>
/// <param name="Body">The Markdown text.</param>
/// <param name="CreatedAt">When it was written.</param>
/// <param name="UpdatedAt">When it was last edited.</param>
public sealed record CommentResponse(
    Guid Id, Guid IssueId, string AuthorType, Guid AuthorId, string AuthorName, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
