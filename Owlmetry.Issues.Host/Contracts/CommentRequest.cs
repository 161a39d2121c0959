namespace Owlmetry.Issues.Host.Contracts;

public sealed record CommentRequest(string? Body);
