namespace Owlmetry.Issues.Contracts;

/// <summary>The body of a comment create or edit.</summary>
/// <param name="Body">The comment text (Markdown), kept verbatim.</param>
public sealed record CommentRequest(string? Body);
