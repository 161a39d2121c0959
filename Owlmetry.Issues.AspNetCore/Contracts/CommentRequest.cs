namespace Owlmetry.Issues.AspNetCore.Contracts;

public sealed record CommentRequest(string? Body);
