namespace Owlmetry.Issues.AspNetCore.Contracts;

public sealed record DeletedResponse(bool Deleted);
